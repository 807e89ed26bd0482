using System.ComponentModel.DataAnnotations;
using CiamServer.Core.Email;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Login.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

/// <summary>Sign-up. Whether or not the address already has an account, the page says the same thing
/// ("check your email"); the owner of an existing account gets a note instead of a link.</summary>
public sealed class RegisterModel(UserManager<CiamUser> users, IPasswordHasher<CiamUser> hasher, IEmailSender email,
    ITenantContext tenants, CodeDelivery codes) : PageModel
{
    public TenantSignInPolicy Methods => tenants.Required.SignIn;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public int MinimumLength => Math.Max(TenantPasswordPolicy.AbsoluteMinimumLength, tenants.Required.PasswordPolicy.MinLength);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Methods.Password)
        {
            return await OnPostPasswordlessAsync();
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Choose a password.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var candidate = new CiamUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            GivenName = Input.GivenName?.Trim(),
            FamilyName = Input.FamilyName?.Trim(),
        };

        // Password rules first, on their own: their answer must not depend on whether the account exists.
        var passwordErrors = await ValidatePasswordAsync(candidate);
        if (passwordErrors.Count > 0)
        {
            passwordErrors.ForEach(error => ModelState.AddModelError("Input.Password", error));
            return Page();
        }

        var cancellationToken = HttpContext.RequestAborted;
        var existing = await users.FindByEmailAsync(Input.Email);
        if (existing is null)
        {
            var created = await users.CreateAsync(candidate, Input.Password!);
            if (created.Succeeded)
            {
                await VerificationEmail.SendAsync(users, email, Request, candidate, ReturnUrl, cancellationToken);
            }
            else if (!created.Errors.All(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                created.Errors.ToList().ForEach(e => ModelState.AddModelError(string.Empty, e.Description));
                return Page();
            }
        }
        else
        {
            // Same work as creating an account (a password hash), so timing tells nothing either.
            hasher.HashPassword(candidate, Input.Password!);
            await AccountExistsEmail.SendAsync(email, Request, existing, cancellationToken);
        }

        return RedirectToPage("CheckEmail", new { returnUrl = ReturnUrl });
    }

    /// <summary>Sign-up without a password: the email code flow, which creates the account with the address
    /// verified once the code is used (and the same answer whether or not the address has an account).</summary>
    public async Task<IActionResult> OnPostPasswordlessAsync()
    {
        ModelState.Remove("Input.Password");
        if (!Methods.AnyEmailCode)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var flow = await codes.SendByEmailAsync(HttpContext, Input.Email, OneTimeCodePurpose.SignIn, ReturnUrls.Safe(Request, ReturnUrl));
        if (flow is null)
        {
            ModelState.AddModelError(string.Empty, LoginModel.TooManyCodes);
            return Page();
        }

        return RedirectToPage("Code", new { flow });
    }

    private async Task<List<string>> ValidatePasswordAsync(CiamUser candidate)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, Input.Password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "Use an email address of at most 256 characters.")]
        public string Email { get; set; } = string.Empty;

        [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
        public string? GivenName { get; set; }

        [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
        public string? FamilyName { get; set; }

        // Required for the password sign-up only (checked there).
        [StringLength(4096, ErrorMessage = "Use at most 256 characters.")]
        public string? Password { get; set; }
    }
}
