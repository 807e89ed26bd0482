using CiamServer.Admin.Access;
using CiamServer.Admin.Bootstrap;
using CiamServer.Admin.Branding;
using CiamServer.Admin.Console;
using CiamServer.Admin.Dashboard;
using CiamServer.Admin.Docs;
using CiamServer.Admin.Policies;
using CiamServer.Admin.Users;
using CiamServer.Core;
using CiamServer.Core.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Admin;

public static class AdminServiceCollectionExtensions
{
    public const string AdminPolicy = "ciam.admin";

    /// <summary>The admin API (access tokens with the ciam.admin scope) and the admin console (Razor Pages under
    /// the admin tenant, signed in through this server's own OIDC code flow); who may do what is decided by
    /// <see cref="AdminAccessHandler"/> for both.</summary>
    public static IServiceCollection AddCiamAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCiamCore(configuration);
        services.AddAdminOpenApi();
        services.AddHttpContextAccessor();
        services.AddScoped<AdminAudit>();
        services.AddScoped<Clients.ClientAdmin>();
        services.AddScoped<ApiScopes.ScopeAdmin>();
        services.AddScoped<Roles.RoleAdmin>();
        services.AddScoped<UserActions>();
        services.AddScoped<UserImportJobs>();
        services.AddSingleton<UserImportSignal>();
        services.AddHostedService<UserImportWorker>();
        services.AddScoped<AdminAccess>();
        services.AddScoped<AdminGrantDirectory>();
        services.AddScoped<IAuthorizationHandler, AdminAccessHandler>();
        services.AddScoped<AdminTenantSeeder>();
        services.AddScoped<BrandingSettings>();
        services.AddScoped<TenantPolicies>();
        services.AddScoped<DashboardStats>();
        services.AddSingleton<Tenants.TargetTenants>();
        services.AddScoped<Tenants.TenantAdmin>();
        services.AddScoped<Tenants.TenantDeletion>();
        services.AddSingleton<Tenants.TenantExporter>();
        services.AddSingleton<Tenants.TenantImportJobs>();
        services.AddHostedService<Tenants.TenantImportRunner>();
        services.AddScoped<Keys.KeyAdmin>();
        services.AddScoped<UserDirectory>();
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy
            .AddAuthenticationSchemes(CiamAuthentication.AccessTokenScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new AdminAccessRequirement(console: false)));
        services.AddConsoleAuthentication();
        services.AddConsolePages();
        return services;
    }
}
