using CiamServer.Core.Authentication;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Admin.Access;

/// <summary>The one rule behind every admin page and API call. A caller may act on a tenant when:
/// <list type="bullet">
/// <item>the call names it (<c>{tenant}</c>), came in through the admin tenant, and the caller's grants cover it
/// (an admin tenant client with ciam.admin is a super-admin service account);</item>
/// <item>the call names none and works on the tenant it came in through: a client of that tenant with the ciam.admin
/// scope (its own service account), or, in the admin tenant itself, a super-admin.</item>
/// </list>
/// Endpoints marked <see cref="SuperAdminOnlyAttribute"/> need a super-admin of the admin tenant. A customer's token never
/// passes: in an ordinary tenant only client tokens do.</summary>
internal sealed class AdminAccessRequirement(bool console) : IAuthorizationRequirement
{
    /// <summary>Console pages (cookie sign-in of an admin tenant user) rather than API calls (access tokens).</summary>
    public bool Console { get; } = console;
}

internal sealed class AdminAccessHandler(AdminAccess access, ITenantContext tenantContext, ITenantDirectory directory)
    : AuthorizationHandler<AdminAccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http || context.User.Identity?.IsAuthenticated != true || tenantContext.Tenant is not { } tenant)
        {
            return;
        }

        if (!requirement.Console && !HasAdminScope(context))
        {
            return;
        }

        if (await AllowedAsync(context, requirement, http, tenant))
        {
            context.Succeed(requirement);
        }
    }

    private async Task<bool> AllowedAsync(AuthorizationHandlerContext context, AdminAccessRequirement requirement, HttpContext http, Tenant tenant)
    {
        var userId = AdminCaller.UserIdOf(context.User);
        var superAdminOnly = http.GetEndpoint()?.Metadata.GetMetadata<SuperAdminOnlyAttribute>() is not null;
        var targetSlug = TargetTenant.SlugOf(http);
        if (!access.IsAdminTenant(tenant))
        {
            // An ordinary tenant's own service account, on that tenant's local API only.
            return !requirement.Console && userId is null && targetSlug is null && !superAdminOnly;
        }

        var grants = userId is { } id ? await access.GrantsOfAsync(id, http.RequestAborted)
            : requirement.Console ? AdminGrants.None
            : AdminGrants.ServiceAccount;
        if (superAdminOnly)
        {
            return grants.IsSuperAdmin;
        }

        if (targetSlug is null)
        {
            // The console's own pages (tenant list, sign-out) need any grant; the admin tenant's local API manages
            // the administrators themselves: super-admins only.
            return requirement.Console ? grants.IsAdmin : grants.IsSuperAdmin;
        }

        // An unknown tenant: a super-admin learns it is missing (404 later), anyone else is refused as for a tenant
        // they cannot manage, so slugs cannot be probed.
        var target = await directory.FindBySlugAsync(targetSlug, http.RequestAborted);
        return target is null ? grants.IsSuperAdmin : grants.CanManage(target.Id);
    }

    private static bool HasAdminScope(AuthorizationHandlerContext context) =>
        context.User.FindAll("scope").Any(c => c.Value.Split(' ').Contains(CiamAuthentication.AdminScope));
}
