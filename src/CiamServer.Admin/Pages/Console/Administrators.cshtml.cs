using CiamServer.Admin.Access;
using CiamServer.Admin.Console;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console;

/// <summary>Super-admins give and remove administrator roles.</summary>
[SuperAdminOnly]
public sealed class AdministratorsModel(AdminGrantDirectory directory) : ConsolePageModel
{
    public IReadOnlyList<AdminGrantView> Roles { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; } = Core.Administration.AdminRoles.TenantAdmin;

    [BindProperty]
    public string? Tenant { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Roles = await directory.ListAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var (grant, errors) = await directory.AddAsync(Email, Role, Tenant, cancellationToken);
        if (grant is null)
        {
            foreach (var (field, messages) in errors)
            {
                var key = char.ToUpperInvariant(field[0]) + field[1..];
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }

            Roles = await directory.ListAsync(null, cancellationToken);
            return Page();
        }

        StatusMessage = $"{grant.Email} is now {grant.Role}{(grant.TenantSlug is null ? string.Empty : " of " + grant.TenantSlug)}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        StatusMessage = await directory.RemoveAsync(id, cancellationToken) switch
        {
            RemoveGrantResult.Removed => "The role was removed.",
            RemoveGrantResult.LastSuperAdmin => "The last super-admin cannot be removed: give the role to someone else first.",
            _ => "That role was already removed.",
        };
        return RedirectToPage();
    }
}
