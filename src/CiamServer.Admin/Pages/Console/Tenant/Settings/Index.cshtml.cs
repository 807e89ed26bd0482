using CiamServer.Admin.Access;
using CiamServer.Admin.Console;
using CiamServer.Admin.Pages.Console.Tenants;
using CiamServer.Admin.Tenants;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Settings;

/// <summary>A tenant's settings for super-admins: rename, disable or enable, export, and the way to delete it.</summary>
[SuperAdminOnly]
public sealed class IndexModel(TenantAdmin admin, TenantExporter exporter, TargetTenants targets) : TenantConsolePageModel
{
    [BindProperty]
    public RenameInput Input { get; set; } = new();

    public bool IsAdminTenant => Tenant.Slug == admin.AdminTenantSlug;

    public void OnGet() => Input.DisplayName = Tenant.DisplayName;

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        var result = await admin.UpdateAsync(Tenant.Slug, new UpdateTenantRequest(Input.DisplayName), cancellationToken);
        if (result.Outcome != TenantOutcome.Done)
        {
            ConsoleErrors.AddTo(ModelState, result.Errors);
            return Page();
        }

        StatusMessage = "The display name was saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnabledAsync(bool enabled, CancellationToken cancellationToken)
    {
        var result = await admin.SetEnabledAsync(Tenant.Slug, enabled, cancellationToken);
        StatusMessage = result.Outcome == TenantOutcome.Done
            ? (enabled ? "The tenant is enabled." : "The tenant is disabled: its issuer answers 404.")
            : result.Conflict;
        return RedirectToPage();
    }

    /// <summary>The tenant as an import document, streamed as a download.</summary>
    public async Task<IActionResult> OnGetExportAsync(bool users, bool passwordHashes, CancellationToken cancellationToken)
    {
        var options = new TenantExporter.Options(users, users && passwordHashes);
        await targets.AuditAsync(Tenant, "admin.tenants.exported", new { users = options.Users, passwordHashes = options.PasswordHashes }, cancellationToken);
        Response.ContentType = "application/json";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{Tenant.Slug}.json\"";
        await exporter.WriteAsync(Tenant, options, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    public sealed class RenameInput
    {
        public string? DisplayName { get; set; }
    }
}
