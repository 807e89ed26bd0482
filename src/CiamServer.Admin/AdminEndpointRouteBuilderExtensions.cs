using CiamServer.Admin.Access;
using CiamServer.Admin.Branding;
using CiamServer.Admin.Dashboard;
using CiamServer.Admin.Docs;
using CiamServer.Admin.Policies;
using CiamServer.Admin.Clients;
using CiamServer.Admin.Roles;
using CiamServer.Admin.ApiScopes;
using CiamServer.Admin.SignIns;
using CiamServer.Admin.Sessions;
using CiamServer.Admin.Users;
using CiamServer.Admin.Keys;
using CiamServer.Admin.Tenants;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Admin;

public static class AdminEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>/admin/api/...</c> under every tenant's base, with its OpenAPI document at <c>openapi.json</c>
    /// and a reference page at <c>docs</c>:
    /// <list type="bullet">
    /// <item><c>/t/{tenant}/admin/api/...</c>: the tenant's own API (its service account);</item>
    /// <item><c>/t/admin/admin/api/tenants/{tenant}/...</c>: the same endpoints for administrators, on the tenant named;</item>
    /// <item><c>/t/admin/admin/api/...</c> marked super-admin only: what is not one tenant's (tenants, signing keys).</item>
    /// </list>
    /// Who may call what is decided in one place, <see cref="AdminAccessHandler"/>.</summary>
    public static IEndpointRouteBuilder MapCiamAdmin(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("admin/api").RequireAuthorization(AdminServiceCollectionExtensions.AdminPolicy).DisableAntiforgery();
        api.MapAdminOpenApi();
        api.MapTenantApis();

        var crossTenant = api.MapGroup($"tenants/{{{TargetTenant.RouteValue}}}").AddEndpointFilter(SwitchToTargetTenantAsync);
        crossTenant.MapTenantApis();

        var global = api.MapGroup(string.Empty).WithMetadata(SuperAdminOnlyAttribute.Instance);
        global.MapGlobalApis();
        return endpoints;
    }

    /// <summary>The endpoints about one tenant: they work on the current tenant and never read one from the route.</summary>
    private static void MapTenantApis(this RouteGroupBuilder api)
    {
        api.MapSessionsApi();
        api.MapSignInsApi();
        api.MapBrandingApi();
        api.MapPoliciesApi();
        api.MapDashboardApi();
        api.MapClientsApi();
        api.MapScopesApi();
        api.MapRolesApi();
        api.MapUserActionsApi();
        api.MapUsersApi();
    }

    /// <summary>The endpoints about no single tenant (super-admins of the admin tenant only).</summary>
    private static void MapGlobalApis(this RouteGroupBuilder global)
    {
        global.MapAdministratorsApi();
        global.MapTenantsApi();
        global.MapKeysApi();
    }

    /// <summary>Runs after authorization has checked the caller's grant for the named tenant.</summary>
    private static async ValueTask<object?> SwitchToTargetTenantAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var tenant = await TargetTenant.SwitchToAsync(http, http.RequestServices.GetRequiredService<ITenantDirectory>(),
            http.RequestServices.GetRequiredService<ITenantContext>());
        return tenant is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such tenant.")
            : await next(invocation);
    }
}
