using CiamServer.Admin.Clients;
using CiamServer.Admin.Console;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Clients;

/// <summary>One client: change its settings, rotate its secret (shown once in the answer), disable or enable it,
/// delete it (with a confirmation box).</summary>
public sealed class EditModel(ClientAdmin clients) : TenantConsolePageModel
{
    [FromRoute]
    public string ClientId { get; set; } = string.Empty;

    [BindProperty]
    public ClientForm Form { get; set; } = new();

    public ClientResource Client { get; private set; } = null!;

    public IReadOnlyList<string> AvailableScopes { get; private set; } = [];

    public ClientWithSecret? Rotated { get; private set; }

    public string? Error { get; private set; }

    public string? DeleteError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = ClientForm.From(Client);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await clients.UpdateAsync(ClientId, Form.ToSettingsInput(), cancellationToken);
        if (outcome.Errors is not null)
        {
            ClientForm.AddErrors(ModelState, outcome.Errors);
            return Page();
        }

        StatusMessage = outcome.Succeeded ? "The client was saved." : outcome.Conflict;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken cancellationToken)
    {
        var outcome = await clients.RotateSecretAsync(ClientId, cancellationToken);
        if (outcome.IsMissing || !await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = ClientForm.From(Client);
        ModelState.Clear();
        Error = outcome.Conflict;
        Rotated = outcome.Value;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) => SetDisabledAsync(true, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) => SetDisabledAsync(false, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            if (!await LoadAsync(cancellationToken))
            {
                return NotFound();
            }

            Form = ClientForm.From(Client);
            ModelState.Clear();
            DeleteError = "Tick the box to confirm the deletion.";
            return Page();
        }

        var outcome = await clients.DeleteAsync(ClientId, cancellationToken);
        if (outcome.IsMissing)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            StatusMessage = outcome.Conflict;
            return RedirectToPage();
        }

        StatusMessage = $"The client {ClientId} was deleted.";
        return Redirect(TenantPath("clients"));
    }

    private async Task<IActionResult> SetDisabledAsync(bool disabled, CancellationToken cancellationToken)
    {
        var outcome = await clients.SetDisabledAsync(ClientId, disabled, cancellationToken);
        if (outcome.IsMissing)
        {
            return NotFound();
        }

        StatusMessage = outcome.Succeeded ? (disabled ? "The client was disabled and its tokens revoked." : "The client was enabled.") : outcome.Conflict;
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        AvailableScopes = await clients.AvailableScopesAsync(cancellationToken);
        var client = await clients.GetAsync(ClientId, cancellationToken);
        Client = client!;
        return client is not null;
    }
}
