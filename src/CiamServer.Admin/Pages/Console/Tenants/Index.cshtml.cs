using CiamServer.Admin.Access;
using CiamServer.Admin.Console;
using CiamServer.Admin.Tenants;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenants;

/// <summary>Super-admins list tenants (a page at a time) and create one.</summary>
[SuperAdminOnly]
public sealed class IndexModel(TenantAdmin admin) : ConsolePageModel
{
    public TenantPage Tenants { get; private set; } = new([], null);

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public async Task OnGetAsync(string? cursor, CancellationToken cancellationToken) => await LoadAsync(cursor, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await admin.CreateAsync(new CreateTenantRequest(Input.Slug?.Trim(), Input.DisplayName), cancellationToken);
        if (result.Outcome == TenantOutcome.Done)
        {
            StatusMessage = $"Tenant {result.Value!.Slug} was created.";
            return Redirect($"{Request.PathBase}/console/tenants/{result.Value.Slug}/settings");
        }

        if (result.Outcome == TenantOutcome.Conflict)
        {
            ModelState.AddModelError("Input.Slug", result.Conflict!);
        }

        ConsoleErrors.AddTo(ModelState, result.Errors);
        await LoadAsync(null, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string? cursor, CancellationToken cancellationToken)
    {
        var page = await admin.ListAsync(TenantAdmin.DefaultPageSize, cursor, cancellationToken);
        Tenants = page.Value ?? (await admin.ListAsync(TenantAdmin.DefaultPageSize, null, cancellationToken)).Value!;
    }

    public sealed class CreateInput
    {
        public string? Slug { get; set; }

        public string? DisplayName { get; set; }
    }
}
