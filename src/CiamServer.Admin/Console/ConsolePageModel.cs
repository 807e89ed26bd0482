using CiamServer.Admin.Access;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Admin.Console;

/// <summary>Base of every console page: the signed-in admin and their grants (checked by the console policy).</summary>
public abstract class ConsolePageModel : PageModel
{
    internal AdminGrants Grants => HttpContext.Items[ConsoleTenantFilter.GrantsItem] as AdminGrants ?? AdminGrants.None;

    public bool IsSuperAdmin => Grants.IsSuperAdmin;

    public string AdminEmail => User.FindFirst("email")?.Value ?? User.FindFirst("sub")?.Value ?? string.Empty;

    /// <summary>A status line shown once after a POST-redirect-GET.</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? StatusMessage { get; set; }
}

/// <summary>Base of the pages of one tenant (<c>/console/tenants/{tenant}/...</c>): <see cref="Tenant"/> is the tenant
/// named in the route, already checked against the admin's grants and made the current tenant, so services and
/// queries work on it.</summary>
public abstract class TenantConsolePageModel : ConsolePageModel
{
    public Tenant Tenant => HttpContext.Items[ConsoleTenantFilter.TargetItem] as Tenant
        ?? throw new InvalidOperationException("A tenant page was reached without its tenant (route value 'tenant').");

    /// <summary>A console path of this tenant, e.g. <c>TenantPath("users")</c>.</summary>
    public string TenantPath(string rest) => $"{Request.PathBase}/console/tenants/{Tenant.Slug}/{rest.TrimStart('/')}";
}
