using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Mfa;
using CiamServer.Mfa.RecoveryCodes;
using CiamServer.Mfa.Totp;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account.Security;

/// <summary>Set up an authenticator app (scan or type the key, then prove it works with a code) or remove it.
/// Both need a recent sign-in. The first set-up also gives the user recovery codes, shown once.</summary>
public sealed class TotpModel(
    TotpService totp,
    RecoveryCodeService recoveryCodes,
    MfaFactorService factors,
    UserManager<CiamUser> users,
    ITenantContext tenants,
    ISessionManager sessions,
    TimeProvider clock) : SecurityPageModel(sessions, clock)
{
    internal const string WrongCode = "That code is not right. Check that the time on your phone is set automatically, then enter the code your app shows now.";
    internal const string MalformedCode = "Enter the 6-digit code from your authenticator app.";

    public enum View
    {
        SignInAgain,
        Enrol,
        Enrolled,
        ConfirmRemove,
        RecoveryCodes,
    }

    public View Shown { get; private set; }

    public TotpEnrolment? Enrolment { get; private set; }

    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    public string? Message { get; private set; }

    public override string Self => SecurityUrl + "/totp";

    public async Task<IActionResult> OnGetAsync(bool remove = false)
    {
        NoStore();
        var enrolled = await totp.IsEnrolledAsync(UserId, HttpContext.RequestAborted);
        if (!enrolled && !tenants.Required.Mfa.AllowTotp)
        {
            return NotFound();
        }

        if (!await CheckRecentAsync())
        {
            return Show(View.SignInAgain);
        }

        if (enrolled)
        {
            return Show(remove ? View.ConfirmRemove : View.Enrolled);
        }

        return await ShowEnrolmentAsync();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        NoStore();
        if (!tenants.Required.Mfa.AllowTotp)
        {
            return NotFound();
        }

        if (!await CheckRecentAsync())
        {
            Message = SignInAgainMessage;
            return Show(View.SignInAgain);
        }

        if (await totp.IsEnrolledAsync(UserId, HttpContext.RequestAborted))
        {
            return Show(View.Enrolled);
        }

        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (TotpMath.Normalize(Code) is null)
        {
            ModelState.AddModelError(nameof(Code), MalformedCode);
            return await ShowEnrolmentAsync();
        }

        if (!await totp.ConfirmEnrolmentAsync(user, Code, HttpContext.RequestAborted))
        {
            ModelState.AddModelError(nameof(Code), WrongCode);
            return await ShowEnrolmentAsync();
        }

        if (await recoveryCodes.RemainingAsync(UserId, HttpContext.RequestAborted) > 0)
        {
            return Redirect(SecurityUrl + "?done=totp-added");
        }

        NewRecoveryCodes = await recoveryCodes.GenerateAsync(UserId, HttpContext.RequestAborted);
        return Show(View.RecoveryCodes);
    }

    public async Task<IActionResult> OnPostRemoveAsync(bool confirm)
    {
        NoStore();
        if (!await CheckRecentAsync())
        {
            Message = SignInAgainMessage;
            return Show(View.SignInAgain);
        }

        if (!await totp.IsEnrolledAsync(UserId, HttpContext.RequestAborted))
        {
            return Redirect(SecurityUrl);
        }

        if (!confirm)
        {
            return Show(View.ConfirmRemove);
        }

        await totp.RemoveAsync(UserId, HttpContext.RequestAborted);
        if (!(await factors.GetAsync(UserId, HttpContext.RequestAborted)).HasSecondFactor)
        {
            // Codes that skip a second step the account no longer has would only be a way around a future one.
            await recoveryCodes.DeleteAllAsync(UserId, HttpContext.RequestAborted);
        }

        return Redirect(SecurityUrl + "?done=totp-removed");
    }

    private async Task<IActionResult> ShowEnrolmentAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        Enrolment = await totp.GetPendingEnrolmentAsync(user, HttpContext.RequestAborted)
            ?? await totp.BeginEnrolmentAsync(user, HttpContext.RequestAborted);
        return Show(View.Enrol);
    }

    private PageResult Show(View view)
    {
        Shown = view;
        return Page();
    }
}
