using CiamServer.Admin.Docs;
using CiamServer.Admin.SignIns;
using CiamServer.Admin.Sessions;
using CiamServer.Admin.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin;

public static class AdminEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>/admin/api/...</c> (under the tenant's base, so <c>/t/{tenant}/admin/api/...</c>), with
    /// its OpenAPI document at <c>openapi.json</c> and a reference page at <c>docs</c>.</summary>
    public static IEndpointRouteBuilder MapCiamAdmin(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("admin/api").RequireAuthorization(AdminServiceCollectionExtensions.AdminPolicy).DisableAntiforgery();
        api.MapAdminOpenApi();
        api.MapTenantApis();
        return endpoints;
    }

    /// <summary>The endpoints about one tenant: they work on the current tenant and never read one from the route.</summary>
    private static void MapTenantApis(this RouteGroupBuilder api)
    {
        api.MapSessionsApi();
        api.MapSignInsApi();
        api.MapUsersApi();
    }
}
