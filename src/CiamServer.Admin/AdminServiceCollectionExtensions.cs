using CiamServer.Admin.Docs;
using CiamServer.Admin.Users;
using CiamServer.Core;
using CiamServer.Core.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Admin;

public static class AdminServiceCollectionExtensions
{
    public const string AdminPolicy = "ciam.admin";

    /// <summary>The admin API: callers present an access token of the same tenant with the ciam.admin scope
    /// (a client_credentials client of the tenant, until the admin console's own sign-in lands).</summary>
    public static IServiceCollection AddCiamAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCiamCore(configuration);
        services.AddAdminOpenApi();
        services.AddHttpContextAccessor();
        services.AddScoped<AdminAudit>();
        services.AddScoped<UserDirectory>();
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy
            .AddAuthenticationSchemes(CiamAuthentication.AccessTokenScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.FindAll("scope").Any(c => c.Value.Split(' ').Contains(CiamAuthentication.AdminScope))));
        return services;
    }
}
