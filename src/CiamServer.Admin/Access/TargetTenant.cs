using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Access;

/// <summary>The tenant named by the <c>{tenant}</c> route value of the console's and the cross-tenant API's routes.</summary>
internal static class TargetTenant
{
    public const string RouteValue = "tenant";

    public static string? SlugOf(HttpContext context) => context.GetRouteValue(RouteValue) as string;

    /// <summary>Resolves the target and makes it the current tenant for the rest of the request, so services and
    /// query filters work on it as they would in its own requests. Disabled tenants are found too: admins manage them.</summary>
    public static async Task<Tenant?> SwitchToAsync(HttpContext context, ITenantDirectory directory, ITenantContext tenantContext)
    {
        if (SlugOf(context) is not { } slug || await directory.FindBySlugAsync(slug, context.RequestAborted) is not { } tenant)
        {
            return null;
        }

        tenantContext.Set(tenant);
        return tenant;
    }
}
