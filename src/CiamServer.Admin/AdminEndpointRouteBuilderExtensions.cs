using CiamServer.Admin.SignIns;
using CiamServer.Admin.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin;

public static class AdminEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>/admin/api/...</c> (under the tenant's base, so <c>/t/{tenant}/admin/api/...</c>).</summary>
    public static IEndpointRouteBuilder MapCiamAdmin(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("admin/api").RequireAuthorization(AdminServiceCollectionExtensions.AdminPolicy).DisableAntiforgery();
        api.MapSessionsApi();
        api.MapSignInsApi();
        return endpoints;
    }
}
