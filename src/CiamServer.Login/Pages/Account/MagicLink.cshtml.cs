using CiamServer.Core.Passwordless;
using CiamServer.Login.Cookies;
using CiamServer.Login.Infrastructure;
using CiamServer.Passwordless.Codes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

/// <summary>The emailed sign-in link. Opened in the browser that asked for it, it signs in at once. Opened in
/// any other browser it asks first, naming the account: otherwise anyone could mail a victim a link to the
/// attacker's own account and have the victim's browser signed into it (login CSRF).</summary>
public sealed class MagicLinkModel(OneTimeCodeService codes, PasswordlessCompletion completion, BrowserBinding browser) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>The account the link signs in to, shown before a browser that did not ask for it goes on.</summary>
    public string? Account { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var row = await FindUsableAsync();
        if (row is null)
        {
            return Page();
        }

        if (!OneTimeCodeService.IsSameBrowser(row, browser.Current(HttpContext)))
        {
            Account = row.Recipient.ToLowerInvariant();
            return Page();
        }

        return await SignInAsync(row);
    }

    /// <summary>The confirmation from another browser.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var row = await FindUsableAsync();
        return row is null ? Page() : await SignInAsync(row);
    }

    private async Task<OneTimeCode?> FindUsableAsync()
    {
        var row = Token is null ? null : await codes.FindByLinkAsync(Token, HttpContext.RequestAborted);
        Problem = row is null
            ? "This link does not work. Copy the whole link from the email, or ask for a new one."
            : Describe(codes.StateOf(row));
        return Problem is null ? row : null;
    }

    private async Task<IActionResult> SignInAsync(OneTimeCode row)
    {
        var used = await codes.UseLinkAsync(row, HttpContext.RequestAborted);
        if (used != CodeCheck.Accepted)
        {
            Problem = Describe(used);
            return Page();
        }

        var result = await completion.CompleteAsync(HttpContext, row);
        if (!result.Succeeded)
        {
            Problem = result.Error;
            return Page();
        }

        return LocalRedirect(result.RedirectTo!);
    }

    private static string? Describe(CodeCheck? state) => state switch
    {
        null => null,
        CodeCheck.Expired => "This link has expired. Ask for a new one.",
        CodeCheck.TooManyTries => "This link can no longer be used: its code was typed wrongly too often. Ask for a new one.",
        _ => "This link has already been used. Each link works once: ask for a new one.",
    };
}
