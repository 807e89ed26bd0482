using System.ComponentModel.DataAnnotations;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Tenancy;
using CiamServer.Login.Cookies;
using CiamServer.Login.Infrastructure;
using CiamServer.Login.Throttling;
using CiamServer.Passwordless.Codes;
using CiamServer.Passwordless.Phones;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

/// <summary>"Enter the code we sent": the page of one code flow, open only in the browser that asked for it.
/// Wrong codes count against the recipient and the address in the sign-in throttle as well as against the
/// code, so asking for new codes gives no extra tries.</summary>
public sealed class CodeModel(
    OneTimeCodeService codes,
    PasswordlessCompletion completion,
    BrowserBinding browser,
    LoginThrottle throttle,
    ITenantContext tenants) : PageModel
{
    internal const string WrongCode = "That code is not right. Check the message and try again.";
    internal const string DeadCode = "This code can no longer be used. Ask for a new one.";
    internal const string Paused = "Too many wrong codes. Wait a few minutes and try again.";

    [BindProperty(SupportsGet = true)]
    public Guid Flow { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code.")]
    [RegularExpression(@"^\s*\d{6}\s*$", ErrorMessage = "Enter the 6 digits of the code.")]
    public string? Code { get; set; }

    public string? Message { get; private set; }

    /// <summary>Where the code went, partly hidden ("+1•••••••23", "da•••@example.com").</summary>
    public string? SentTo { get; private set; }

    public bool ByText { get; private set; }

    /// <summary>False when the email holds only a magic link (the tenant offers no email codes).</summary>
    public bool AsksForCode { get; private set; }

    public bool SentLink { get; private set; }

    public bool Dead { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var row = SignInCode(await codes.FindForBrowserAsync(Flow, browser.Current(HttpContext), HttpContext.RequestAborted));
        if (row is null)
        {
            return RedirectToPage("Login");
        }

        Describe(row);
        Dead = codes.StateOf(row) is not null;
        Message = Dead ? DeadCode : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var row = SignInCode(await codes.FindForBrowserAsync(Flow, browser.Current(HttpContext), cancellationToken));
        if (row is null)
        {
            return RedirectToPage("Login");
        }

        Describe(row);
        if (!ModelState.IsValid || !AsksForCode)
        {
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.IsPausedAsync(row.Recipient, address, cancellationToken))
        {
            Message = Paused;
            return Page();
        }

        var check = await codes.CheckCodeAsync(row, Code!.Trim(), cancellationToken);
        if (check != CodeCheck.Accepted)
        {
            if (check is CodeCheck.Wrong or CodeCheck.TooManyTries)
            {
                await throttle.RecordFailureAsync(row.Recipient, address, cancellationToken);
            }

            Dead = check != CodeCheck.Wrong;
            Message = Dead ? DeadCode : WrongCode;
            return Page();
        }

        await throttle.RecordSuccessAsync(row.Recipient, cancellationToken);
        var result = await completion.CompleteAsync(HttpContext, row);
        if (!result.Succeeded)
        {
            Dead = true;
            Message = result.Error;
            return Page();
        }

        return LocalRedirect(result.RedirectTo!);
    }

    /// <summary>Only codes that sign in by themselves belong here: a second-factor code proves an address for a
    /// sign-in already half done (the challenge page), and must never sign anyone in alone.</summary>
    private static OneTimeCode? SignInCode(OneTimeCode? row) => row?.Purpose is OneTimeCodePurpose.SignIn or OneTimeCodePurpose.Recovery ? row : null;

    private void Describe(OneTimeCode row)
    {
        ByText = row.Channel == OneTimeCodeChannel.Sms;
        SentTo = ByText ? PhoneNumberNormalizer.Masked(row.Recipient) : RecipientMask.Email(row.Recipient.ToLowerInvariant());
        SentLink = row.LinkHash is not null;
        AsksForCode = ByText || row.Purpose == OneTimeCodePurpose.Recovery || tenants.Required.SignIn.EmailCode;
    }
}
