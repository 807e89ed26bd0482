using CiamServer.Admin.Clients;
using CiamServer.Admin.Console;
using CiamServer.Admin.Roles;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Roles;

/// <summary>The tenant's roles with their member counts, and a form to create one.</summary>
public sealed class IndexModel(RoleAdmin roles) : TenantConsolePageModel
{
    public IReadOnlyList<RoleResource> Roles { get; private set; } = [];

    [FromQuery]
    public string? Cursor { get; set; }

    public string? NextCursor { get; private set; }

    [BindProperty]
    public string? NewRole { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await roles.CreateAsync(new RoleInput { Name = NewRole?.Trim() }, cancellationToken);
        if (outcome.Succeeded)
        {
            StatusMessage = $"The role {outcome.Value!.Name} was created.";
            return Redirect(TenantPath("roles/" + Uri.EscapeDataString(outcome.Value.Name)));
        }

        ModelState.AddModelError(nameof(NewRole), outcome.Conflict ?? string.Join(" ", outcome.Errors!.Values.SelectMany(m => m)));
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var page = await roles.ListAsync(PageRequest.DefaultLimit, Cursor, cancellationToken);
        if (!page.Succeeded)
        {
            Cursor = null;
            page = await roles.ListAsync(PageRequest.DefaultLimit, null, cancellationToken);
        }

        Roles = page.Value!.Items;
        NextCursor = page.Value.NextCursor;
    }
}
