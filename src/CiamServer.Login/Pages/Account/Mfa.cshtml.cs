using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Login.Cookies;
using CiamServer.Login.Infrastructure;
using CiamServer.Login.Passkeys;
using CiamServer.Login.SignIn;
using CiamServer.Login.Throttling;
using CiamServer.Mfa.RecoveryCodes;
using CiamServer.Mfa.Totp;
using CiamServer.Passwordless.Codes;
using CiamServer.Passwordless.Passkeys;
using CiamServer.Passwordless.Phones;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

/// <summary>The second factor: during a sign-in (the pending sign-in cookie), or a step-up of a signed-in session
/// when a client asks for acr_values=2. Offers what the user has and the tenant allows: authenticator app,
/// passkey or security key, a code by email or text where allowed, a recovery code; or sets up an authenticator
/// app when the policy needs one the user lacks. Wrong answers count in the sign-in throttle.</summary>
[RequestSizeLimit(PasskeyLimits.RequestBytes)]
public sealed class MfaModel(
    PendingSignInCookie pendingCookie,
    SignInFlow flow,
    SecondFactors factors,
    TotpService totp,
    RecoveryCodeService recoveryCodes,
    PasskeyService passkeys,
    OneTimeCodeService codes,
    CodeDelivery delivery,
    BrowserBinding browser,
    LoginThrottle throttle,
    ISessionManager sessions,
    UserManager<CiamUser> users,
    ITenantContext tenants,
    TimeProvider clock) : PageModel
{
    internal const string WrongCode = "That code is not right. Try again.";
    internal const string Paused = "Too many wrong codes. Wait a few minutes and try again.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberDevice { get; set; }

    /// <summary>The email or text code sent for this challenge.</summary>
    [BindProperty]
    public Guid? Flow { get; set; }

    public PendingSignIn? Pending { get; private set; }

    public UserFactors Factors { get; private set; } = new(false, false, false, false, false);

    public string? Message { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>Set while an authenticator app is being set up here (the policy needs one).</summary>
    public TotpEnrolment? Enrolment { get; private set; }

    public string? EmailMasked { get; private set; }

    public string? PhoneMasked { get; private set; }

    public bool CanRemember => tenants.Required.Mfa.RememberDeviceDays > 0;

    public int RememberDays => tenants.Required.Mfa.RememberDeviceDays;

    public string PasskeyOptionsUrl => Request.PathBase + SignInFlow.ChallengePath + "?handler=PasskeyOptions";

    public string PasskeyVerifyUrl => Request.PathBase + SignInFlow.ChallengePath + "?handler=PasskeyVerify";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is { } user ? await ShowAsync(user) : RedirectToPage("Login");

    public async Task<IActionResult> OnPostTotpAsync() =>
        await CheckAsync("totp", ["otp"], async user => await totp.VerifyAsync(user.Id, Normalize(Code), HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostRecoveryAsync() =>
        await CheckAsync("recovery_code", ["otp"], async user => await recoveryCodes.RedeemAsync(user.Id, Code, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostEnrolAsync() =>
        await CheckAsync("totp_enrolment", ["otp"], async user => Pending!.Need == MfaNeed.Enrol && await totp.ConfirmEnrolmentAsync(user, Normalize(Code), HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostSendEmailAsync() => await SendCodeAsync(OneTimeCodeChannel.Email);

    public async Task<IActionResult> OnPostSendSmsAsync() => await SendCodeAsync(OneTimeCodeChannel.Sms);

    public async Task<IActionResult> OnPostOneTimeCodeAsync()
    {
        var channel = OneTimeCodeChannel.Email;
        return await CheckAsync("one_time_code", [], async user =>
        {
            var row = Flow is { } id ? await codes.FindForBrowserAsync(id, browser.Current(HttpContext), HttpContext.RequestAborted) : null;
            if (row is null || row.Purpose != OneTimeCodePurpose.SecondFactor || row.Recipient != RecipientOf(user, row.Channel))
            {
                return false;
            }

            channel = row.Channel;
            return await codes.CheckCodeAsync(row, Normalize(Code), HttpContext.RequestAborted) == CodeCheck.Accepted;
        }, () => channel == OneTimeCodeChannel.Sms ? ["otp", "sms"] : ["otp"]);
    }

    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        await LoadAsync() is null ? PasskeyJson.Error("Sign in again.") : PasskeyJson.Options(passkeys.BeginSignIn());

    public async Task<IActionResult> OnPostPasskeyVerifyAsync(string? state, string? credential)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return PasskeyJson.Error("Sign in again.");
        }

        var result = await passkeys.CompleteSignInAsync(state, credential, HttpContext.RequestAborted);
        if (!result.Succeeded || result.User!.Id != user.Id || !tenants.Required.Mfa.AllowWebAuthn)
        {
            await flow.SecondFactorFailedAsync(HttpContext, Pending!, "passkey");
            return PasskeyJson.Error(result.Succeeded ? "That passkey belongs to another account." : PasskeyJson.MessageFor(result.Failure));
        }

        return PasskeyJson.Redirect(await flow.SecondFactorPassedAsync(HttpContext, Pending!, user, result.Methods, rememberDevice: false));
    }

    private async Task<IActionResult> CheckAsync(string factor, string[] methods, Func<CiamUser, Task<bool>> verify, Func<string[]>? methodsAfter = null)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        var accountName = SignInFlow.AccountNameOf(user);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.IsPausedAsync(accountName, address, HttpContext.RequestAborted))
        {
            Message = Paused;
            return await ShowAsync(user);
        }

        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 64 || !await verify(user))
        {
            await throttle.RecordFailureAsync(accountName, address, HttpContext.RequestAborted);
            await flow.SecondFactorFailedAsync(HttpContext, Pending!, factor);
            Message = WrongCode;
            return await ShowAsync(user);
        }

        await throttle.RecordSuccessAsync(accountName, HttpContext.RequestAborted);
        var returnUrl = await flow.SecondFactorPassedAsync(HttpContext, Pending!, user, methodsAfter?.Invoke() ?? methods, RememberDevice && CanRemember);
        return LocalRedirect(ReturnUrls.Safe(Request, returnUrl));
    }

    private async Task<IActionResult> SendCodeAsync(OneTimeCodeChannel channel)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        Factors = await factors.OfAsync(user, Pending!.Methods, HttpContext.RequestAborted);
        var fallback = Pending.Need == MfaNeed.FallbackCode;
        var allowed = channel == OneTimeCodeChannel.Email
            ? (Factors.Email || (fallback && user.EmailConfirmed && user.Email is not null))
            : (Factors.Sms || (fallback && user.PhoneNumberConfirmed && user.PhoneNumber is not null));
        if (!allowed)
        {
            return await ShowAsync(user);
        }

        var returnUrl = ReturnUrls.Safe(Request, Pending.ReturnUrl);
        Flow = channel == OneTimeCodeChannel.Email
            ? await delivery.SendByEmailAsync(HttpContext, user.Email!, OneTimeCodePurpose.SecondFactor, returnUrl)
            : await delivery.SendBySmsAsync(HttpContext, user.PhoneNumber!, returnUrl, OneTimeCodePurpose.SecondFactor);
        if (Flow is null)
        {
            Message = "Too many codes were sent. Wait an hour, or use another way.";
        }
        else
        {
            Notice = channel == OneTimeCodeChannel.Email ? "We emailed you a code." : "We texted you a code.";
        }

        return await ShowAsync(user);
    }

    /// <summary>The user of the pending sign-in; for a step-up, the signed-in user (a pending sign-in is made
    /// from the session, marked as a step-up).</summary>
    private async Task<CiamUser?> LoadAsync()
    {
        Pending = pendingCookie.Read(HttpContext) ?? await StepUpFromSessionAsync();
        var user = Pending is null ? null : await users.FindByIdAsync(Pending.UserId.ToString());
        return user is { Disabled: false } ? user : null;
    }

    private async Task<PendingSignIn?> StepUpFromSessionAsync()
    {
        var session = await HttpContext.AuthenticateAsync(CiamAuthentication.SessionScheme);
        var sessionId = session.Principal?.FindFirstValue(CiamClaimTypes.SessionId);
        var active = sessionId is null ? null : await sessions.TouchAsync(sessionId, HttpContext.RequestAborted);
        var user = active is null ? null : await users.FindByIdAsync(active.UserId.ToString());
        if (active is null || user is null)
        {
            return null;
        }

        var methods = active.AuthenticationMethods.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var userFactors = await factors.OfAsync(user, methods, HttpContext.RequestAborted);
        var need = userFactors.Any ? MfaNeed.Challenge : (user.EmailConfirmed || user.PhoneNumberConfirmed ? MfaNeed.FallbackCode : MfaNeed.Enrol);
        var pending = new PendingSignIn(tenants.Required.Id, user.Id, methods, ReturnUrls.Safe(Request, ReturnUrl), null,
            ["The app you are signing in to asks for a second step."], clock.GetUtcNow() + PendingSignInCookie.Lifetime, StepUp: true, need);
        pendingCookie.Write(HttpContext, pending);
        return pending;
    }

    private async Task<IActionResult> ShowAsync(CiamUser user)
    {
        Factors = await factors.OfAsync(user, Pending!.Methods, HttpContext.RequestAborted);
        EmailMasked = user.EmailConfirmed && user.Email is not null ? RecipientMask.Email(user.Email) : null;
        PhoneMasked = user.PhoneNumberConfirmed && user.PhoneNumber is not null ? PhoneNumberNormalizer.Masked(user.PhoneNumber) : null;
        if (Pending.Need == MfaNeed.Enrol)
        {
            // The same key until it is confirmed: a wrong code must not change what the app was given.
            Enrolment = await totp.GetPendingEnrolmentAsync(user, HttpContext.RequestAborted)
                ?? await totp.BeginEnrolmentAsync(user, HttpContext.RequestAborted);
        }

        return Page();
    }

    private static string RecipientOf(CiamUser user, OneTimeCodeChannel channel) =>
        channel == OneTimeCodeChannel.Email ? (user.Email ?? string.Empty).Trim().ToUpperInvariant() : user.PhoneNumber ?? string.Empty;

    private static string Normalize(string? code) => new((code ?? string.Empty).Where(char.IsDigit).ToArray());
}
