using CiamServer.Admin.Clients;
using CiamServer.Admin.Console;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Clients;

/// <summary>Creates a client. The answer to the POST shows the generated secret once (not a redirect: the secret is
/// never put in a cookie or URL) and is not cached.</summary>
public sealed class NewModel(ClientAdmin clients) : TenantConsolePageModel
{
    [BindProperty]
    public ClientForm Form { get; set; } = ClientForm.NewDefaults();

    public IReadOnlyList<string> AvailableScopes { get; private set; } = [];

    public ClientWithSecret? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => AvailableScopes = await clients.AvailableScopesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        AvailableScopes = await clients.AvailableScopesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await clients.CreateAsync(Form.ToCreateInput(), cancellationToken);
        if (outcome.Errors is not null)
        {
            ClientForm.AddErrors(ModelState, outcome.Errors);
            return Page();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("Form.ClientId", outcome.Conflict!);
            return Page();
        }

        Created = outcome.Value;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
