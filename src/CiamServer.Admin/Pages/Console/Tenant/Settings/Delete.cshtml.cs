using CiamServer.Admin.Access;
using CiamServer.Admin.Console;
using CiamServer.Admin.Tenants;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Settings;

/// <summary>Deleting a tenant: what goes (rows per table, open sessions), and the slug typed to confirm.</summary>
[SuperAdminOnly]
public sealed class DeleteModel(TenantDeletion deletion) : TenantConsolePageModel
{
    public TenantDeletionPreview? Preview { get; private set; }

    public string? Refusal { get; private set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await deletion.DeleteAsync(Tenant.Slug, Confirm?.Trim(), cancellationToken);
        if (result.Outcome == TenantOutcome.Done)
        {
            StatusMessage = $"Tenant {Tenant.Slug} was deleted ({result.Value!.TotalRows} rows).";
            return Redirect($"{Request.PathBase}/console/tenants");
        }

        if (result.Outcome == TenantOutcome.Invalid)
        {
            ModelState.AddModelError(nameof(Confirm), "Type the tenant's slug exactly to confirm.");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var result = await deletion.PreviewAsync(Tenant.Slug, cancellationToken);
        Preview = result.Value;
        Refusal = result.Conflict;
    }
}
