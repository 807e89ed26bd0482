using System.ComponentModel.DataAnnotations;
using System.Net;
using CiamServer.Core.Email;
using CiamServer.Core.Users;
using CiamServer.Login.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CiamServer.Login.Pages.Account;

/// <summary>Always answers "check your email", whether or not the address has an account.</summary>
public sealed class ForgotPasswordModel(UserManager<CiamUser> users, IEmailSender email, IStringLocalizer<LoginText> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256, ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email);
        if (user is { Disabled: false })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = EmailLinks.To(Request, "/account/reset-password", new Dictionary<string, string?>
            {
                ["userId"] = user.Id.ToString(),
                ["code"] = token,
                ["returnUrl"] = ReturnUrls.Safe(Request, ReturnUrl),
            });
            var (intro, outro) = (text["Open this link to choose a new password:"], text["If you did not ask for this, ignore this message: your password stays as it is."]);
            await email.SendAsync(new EmailMessage(
                user.Email!,
                text["Reset your password"],
                $"{intro}\n\n{link}\n\n{outro}",
                $"<p>{WebUtility.HtmlEncode(intro)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(text["Choose a new password"])}</a></p>" +
                $"<p>{WebUtility.HtmlEncode(outro)}</p>"), HttpContext.RequestAborted);
        }

        return RedirectToPage("CheckEmail", new { returnUrl = ReturnUrl });
    }
}
