using CiamServer.Admin.Clients;
using CiamServer.Admin.Console;
using CiamServer.Admin.ApiScopes;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Scopes;

/// <summary>The tenant's API scopes, a page at a time, and a form to create one.</summary>
public sealed class IndexModel(ScopeAdmin scopes) : TenantConsolePageModel
{
    public IReadOnlyList<ScopeResource> Scopes { get; private set; } = [];

    [FromQuery]
    public string? Cursor { get; set; }

    public string? NextCursor { get; private set; }

    [BindProperty]
    public ScopeForm Form { get; set; } = new();

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await scopes.CreateAsync(Form.ToCreateInput(), cancellationToken);
        if (outcome.Succeeded)
        {
            StatusMessage = $"The scope {outcome.Value!.Name} was created.";
            return RedirectToPage();
        }

        if (outcome.Errors is not null)
        {
            ModelState.AddFieldErrors("Form.", outcome.Errors);
        }
        else
        {
            ModelState.AddModelError("Form.Name", outcome.Conflict!);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var page = await scopes.ListAsync(PageRequest.DefaultLimit, Cursor, cancellationToken);
        if (!page.Succeeded)
        {
            Cursor = null;
            page = await scopes.ListAsync(PageRequest.DefaultLimit, null, cancellationToken);
        }

        Scopes = page.Value!.Items;
        NextCursor = page.Value.NextCursor;
    }
}
