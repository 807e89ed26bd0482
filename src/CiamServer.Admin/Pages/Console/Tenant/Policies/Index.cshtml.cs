using CiamServer.Admin.Console;
using CiamServer.Admin.Policies;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Policies;

/// <summary>The tenant's policies, one form per group, each saved on its own through <see cref="TenantPolicies"/> (the
/// service the admin API calls): the same rules, the same audit. Bad values come back on the page next to their
/// field; nothing is saved then.</summary>
public sealed class IndexModel(TenantPolicies policies) : TenantConsolePageModel
{
    public PoliciesResource Current { get; private set; } = null!;

    [BindProperty]
    public PolicyForms.Password Password { get; set; } = new();

    [BindProperty]
    public new PolicyForms.SignIn SignIn { get; set; } = new();

    [BindProperty]
    public PolicyForms.Mfa Mfa { get; set; } = new();

    [BindProperty]
    public PolicyForms.Risk Risk { get; set; } = new();

    [BindProperty]
    public PolicyForms.Sessions Sessions { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(posted: null, cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken) =>
        SaveAsync(nameof(Password), "Password rules saved.", () => policies.UpdatePasswordAsync(Password.ToInput(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSignInAsync(CancellationToken cancellationToken) =>
        SaveAsync(nameof(SignIn), "Sign-in methods saved.", () => policies.UpdateSignInAsync(SignIn.ToInput(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostMfaAsync(CancellationToken cancellationToken) =>
        SaveAsync(nameof(Mfa), "Multi-factor authentication saved.", () => policies.UpdateMfaAsync(Mfa.ToInput(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRiskAsync(CancellationToken cancellationToken) =>
        SaveAsync(nameof(Risk), "Risk thresholds saved.", () => policies.UpdateRiskAsync(Risk.ToInput(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSessionsAsync(CancellationToken cancellationToken) =>
        SaveAsync(nameof(Sessions), "Session lifetimes saved.", () => policies.UpdateSessionsAsync(Sessions.ToInput(), cancellationToken), cancellationToken);

    /// <summary>The id of a field's error message (for aria-describedby), e.g. "Password-MinLength-error".</summary>
    public static string ErrorId(string key) => key.Replace('.', '-') + "-error";

    public bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>aria-describedby for an input: its hint (when it has one) and its error (when there is one).</summary>
    public string? DescribedBy(string key, string? hintId = null) =>
        string.Join(' ', new[] { hintId, HasError(key) ? ErrorId(key) : null }.Where(id => id is not null)) is { Length: > 0 } ids ? ids : null;

    public string? GroupError(string group) => HasError(group) ? string.Join(' ', ModelState[group]!.Errors.Select(e => e.ErrorMessage)) : null;

    private async Task<IActionResult> SaveAsync<T>(string group, string saved, Func<Task<PolicyUpdate<T>>> update, CancellationToken cancellationToken)
        where T : class
    {
        // Only the posted form's fields were sent; a value the browser could not send as a number is the one error
        // model binding can add (the other forms bind to their defaults and are refilled from the database below).
        var unreadable = ModelState.Where(e => e.Key.StartsWith(group + ".", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        ModelState.Clear();
        if (unreadable.Count > 0)
        {
            unreadable.ForEach(key => ModelState.AddModelError(key, $"{PolicyForms.Label(key)} must be a whole number."));
            await LoadAsync(group, cancellationToken);
            return Page();
        }

        var result = await update();
        if (result.Succeeded)
        {
            StatusMessage = saved;
            return RedirectToPage(pageName: null, pageHandler: null, routeValues: null, fragment: group.ToLowerInvariant());
        }

        foreach (var (field, messages) in result.Errors)
        {
            var key = PolicyForms.Key(group, field);
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, PolicyForms.Message(key, message));
            }
        }

        await LoadAsync(group, cancellationToken);
        return Page();
    }

    /// <summary>The stored policies, and every form filled from them except the one just posted (kept as typed).</summary>
    private async Task LoadAsync(string? posted, CancellationToken cancellationToken)
    {
        Current = await policies.GetAsync(cancellationToken);
        Password = posted == nameof(Password) ? Password : PolicyForms.Password.From(Current.Password);
        SignIn = posted == nameof(SignIn) ? SignIn : PolicyForms.SignIn.From(Current.SignIn);
        Mfa = posted == nameof(Mfa) ? Mfa : PolicyForms.Mfa.From(Current.Mfa);
        Risk = posted == nameof(Risk) ? Risk : PolicyForms.Risk.From(Current.Risk);
        Sessions = posted == nameof(Sessions) ? Sessions : PolicyForms.Sessions.From(Current.Sessions);
    }
}
