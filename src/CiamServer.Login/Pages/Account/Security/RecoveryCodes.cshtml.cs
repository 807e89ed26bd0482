using CiamServer.Core.Sessions;
using CiamServer.Mfa;
using CiamServer.Mfa.RecoveryCodes;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Login.Pages.Account.Security;

/// <summary>A new set of recovery codes, replacing the old ones, shown once in the answer to the POST (never in a
/// URL or a later page). Needs a recent sign-in and a second factor for the codes to stand in for.</summary>
public sealed class RecoveryCodesModel(
    RecoveryCodeService recoveryCodes,
    MfaFactorService factors,
    ISessionManager sessions,
    TimeProvider clock) : SecurityPageModel(sessions, clock)
{
    public MfaFactors Factors { get; private set; } = new(false, 0, 0);

    public IReadOnlyList<string> NewCodes { get; private set; } = [];

    public string? Message { get; private set; }

    public override string Self => SecurityUrl + "/recovery-codes";

    public async Task OnGetAsync()
    {
        NoStore();
        await CheckRecentAsync();
        Factors = await factors.GetAsync(UserId, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        NoStore();
        Factors = await factors.GetAsync(UserId, HttpContext.RequestAborted);
        if (!await CheckRecentAsync())
        {
            Message = SignInAgainMessage;
        }
        else if (!Factors.HasSecondFactor)
        {
            Message = "Set up an authenticator app or a passkey first: recovery codes stand in for them.";
        }
        else
        {
            NewCodes = await recoveryCodes.GenerateAsync(UserId, HttpContext.RequestAborted);
        }

        return Page();
    }
}
