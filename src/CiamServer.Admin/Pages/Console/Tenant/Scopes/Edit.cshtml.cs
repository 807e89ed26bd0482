using CiamServer.Admin.Console;
using CiamServer.Admin.ApiScopes;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Scopes;

/// <summary>One API scope: change it, or delete it (refused while clients are allowed it).</summary>
public sealed class EditModel(ScopeAdmin scopes) : TenantConsolePageModel
{
    [FromRoute]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public ScopeForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await scopes.GetAsync(Name, cancellationToken) is not { } scope)
        {
            return NotFound();
        }

        Form = ScopeForm.From(scope);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var outcome = await scopes.UpdateAsync(Name, Form.ToSettingsInput(), cancellationToken);
        if (outcome.IsMissing)
        {
            return NotFound();
        }

        if (outcome.Errors is not null)
        {
            ModelState.AddFieldErrors("Form.", outcome.Errors);
            return Page();
        }

        StatusMessage = "The scope was saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm, CancellationToken cancellationToken)
    {
        if (await scopes.GetAsync(Name, cancellationToken) is not { } scope)
        {
            return NotFound();
        }

        Form = ScopeForm.From(scope);
        ModelState.Clear();
        if (!confirm)
        {
            Error = "Tick the box to confirm the deletion.";
            return Page();
        }

        var outcome = await scopes.DeleteAsync(Name, cancellationToken);
        if (!outcome.Succeeded)
        {
            Error = outcome.Conflict ?? string.Join(" ", outcome.Errors?.Values.SelectMany(m => m) ?? []);
            return Page();
        }

        StatusMessage = $"The scope {Name} was deleted.";
        return Redirect(TenantPath("scopes"));
    }
}
