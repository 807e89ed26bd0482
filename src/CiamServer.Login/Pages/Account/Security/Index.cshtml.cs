using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using CiamServer.Mfa;
using CiamServer.Mfa.Devices;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Login.Pages.Account.Security;

/// <summary>The account's security overview: authenticator app, recovery codes, passkeys and remembered devices.
/// Forgetting devices only takes access away, so it needs no recent sign-in.</summary>
public sealed class SecurityModel(
    MfaFactorService factors,
    RememberedDeviceService devices,
    ITenantContext tenants,
    ISessionManager sessions,
    TimeProvider clock) : SecurityPageModel(sessions, clock)
{
    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["totp-added"] = "Your authenticator app is set up. Next time you sign in, we may ask for a code from it.",
        ["totp-removed"] = "Your authenticator app has been removed. Remove the account from the app too.",
    };

    public MfaFactors Factors { get; private set; } = new(false, 0, 0);

    public IReadOnlyList<DeviceView> Devices { get; private set; } = [];

    public bool OffersTotp => tenants.Required.Mfa.AllowTotp || Factors.Totp;

    public bool OffersPasskeys => tenants.Required.SignIn.Passkey;

    public string? Notice { get; private set; }

    public string? Message { get; private set; }

    public override string Self => SecurityUrl;

    public async Task OnGetAsync(string? done)
    {
        Notice = done is not null && Notices.TryGetValue(done, out var notice) ? notice : null;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (await devices.RevokeAsync(UserId, id, HttpContext.RequestAborted))
        {
            Notice = "That device will be asked for a second step the next time you sign in on it.";
        }
        else
        {
            Message = "That device is no longer remembered.";
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAllAsync()
    {
        var count = await devices.RevokeAllAsync(UserId, HttpContext.RequestAborted);
        Notice = count == 0 ? "No devices were remembered." : "Every device will be asked for a second step the next time you sign in on it.";
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Factors = await factors.GetAsync(UserId, HttpContext.RequestAborted);
        Devices = (await devices.ListAsync(UserId, HttpContext.RequestAborted))
            .Select(d => new DeviceView(d.Id, d.Description ?? "Unknown device", d.CreatedAt, d.LastUsedAt, d.ExpiresAt, devices.IsThisDevice(HttpContext, d)))
            .ToList();
    }

    public sealed record DeviceView(Guid Id, string Description, DateTime CreatedAt, DateTime? LastUsedAt, DateTime ExpiresAt, bool IsCurrent);
}
