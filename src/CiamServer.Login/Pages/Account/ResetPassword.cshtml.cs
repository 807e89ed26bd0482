using System.ComponentModel.DataAnnotations;
using CiamServer.Core.Sessions;
using CiamServer.Core.Users;
using CiamServer.Login.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

/// <summary>Sets a new password from an emailed link; the link works once (the security stamp changes)
/// and every session of the account ends. Also the page a sign-in is sent to when an administrator requires a new
/// password (<see cref="ChangeRequired"/>, with a token of <see cref="RequiredPasswordChange"/>).</summary>
public sealed class ResetPasswordModel(UserManager<CiamUser> users, ISessionManager sessions) : PageModel
{
    internal const string InvalidLink = "This link has expired or was already used. Ask for a new one.";

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Sent here by a sign-in whose password an administrator wants changed, not by an emailed link.</summary>
    [BindProperty(SupportsGet = true)]
    public bool ChangeRequired { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(4096, ErrorMessage = "Use at most 256 characters.")]
    public string Password { get; set; } = string.Empty;

    public bool Done { get; private set; }

    public void OnGet()
    {
        if (UserId is null || Code is null)
        {
            ModelState.AddModelError(string.Empty, InvalidLink);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = UserId is not null && Guid.TryParse(UserId, out _) ? await users.FindByIdAsync(UserId) : null;
        if (user is null || Code is null || Code.Length > 2048)
        {
            ModelState.AddModelError(string.Empty, InvalidLink);
            return Page();
        }

        var result = await ResetAsync(user, Code);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? string.Empty : nameof(Password),
                    error.Code == "InvalidToken" ? InvalidLink : error.Description);
            }

            return Page();
        }

        // An emailed link reached the mailbox, which proves the address too (a required change proves nothing of it).
        if ((!ChangeRequired && !user.EmailConfirmed) || user.PasswordChangeRequired)
        {
            user.EmailConfirmed |= !ChangeRequired;
            user.PasswordChangeRequired = false;
            await users.UpdateAsync(user);
        }

        await sessions.EndAllForUserAsync(user.Id, SessionEndReasons.PasswordChanged, HttpContext.RequestAborted);
        Done = true;
        return Page();
    }

    /// <summary>A required change checks its own token, then resets as a link would (same validators, new stamp).</summary>
    private async Task<IdentityResult> ResetAsync(CiamUser user, string code)
    {
        if (!ChangeRequired)
        {
            return await users.ResetPasswordAsync(user, code, Password);
        }

        return await RequiredPasswordChange.IsValidAsync(users, user, code)
            ? await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Password)
            : IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
    }
}
