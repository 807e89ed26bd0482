using System.ComponentModel.DataAnnotations;
using CiamServer.Core.Data;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Login.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Login.Pages.Account;

/// <summary>"Lost your passkey?": an account with passkeys recovers with a code sent to its verified email
/// address, then adds a new passkey. Every address gets the same answer and the same next page; only an
/// account that can recover is sent the code.</summary>
public sealed class RecoverModel(CodeDelivery codes, UserManager<CiamUser> users, CiamDbContext db, ITenantContext tenants) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256, ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    private bool Offered => tenants.Required.SignIn.Passkey && tenants.Required.SignIn.PasskeyRecoveryByEmail;

    public IActionResult OnGet() => Offered ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Offered)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email);
        var canRecover = user is { EmailConfirmed: true, Disabled: false }
            && await db.PasskeyCredentials.AnyAsync(p => p.UserId == user.Id, HttpContext.RequestAborted);
        var flow = await codes.SendByEmailAsync(HttpContext, Email, OneTimeCodePurpose.Recovery, ReturnUrls.Safe(Request, ReturnUrl), send: canRecover);
        if (flow is null)
        {
            Message = LoginModel.TooManyCodes;
            return Page();
        }

        return RedirectToPage("Code", new { flow });
    }
}
