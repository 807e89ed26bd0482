using System.ComponentModel.DataAnnotations;
using CiamServer.Core.Email;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Login.Infrastructure;
using CiamServer.Login.SignIn;
using CiamServer.Login.Throttling;
using CiamServer.Passwordless.Sms;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CiamServer.Login.Pages.Account;

public sealed class LoginModel(
    UserManager<CiamUser> users,
    IPasswordHasher<CiamUser> hasher,
    SignInFlow flow,
    LoginThrottle throttle,
    IEmailSender email,
    CodeDelivery codes,
    ISmsSender sms,
    ITenantContext tenants,
    IOptions<LoginOptions> options) : PageModel
{
    internal const string TooManyCodes = "Too many codes were sent to this address. Wait an hour, or sign in another way.";

    internal const string WrongCredentials = "The email or password is not correct.";
    internal const string Paused = "Too many attempts. Wait a few minutes and try again, or reset your password.";

    // A real hash of a random password: checking against it costs what a real check costs, so a missing
    // account answers no faster than a wrong password.
    private static readonly string DummyHash = new PasswordHasher<CiamUser>().HashPassword(new CiamUser(), Guid.NewGuid().ToString());

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public string? Notice { get; private set; }

    public TenantSignInPolicy Methods => tenants.Required.SignIn;

    public bool OffersSms => Methods.SmsCode && sms.IsConfigured;

    public void OnGet([FromQuery(Name = "login_hint")] string? loginHint)
    {
        if (loginHint is { Length: <= 256 } && loginHint.Contains('@', StringComparison.Ordinal))
        {
            Input.Email = loginHint;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Methods.Password)
        {
            return await OnPostEmailAsync();
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var cancellationToken = HttpContext.RequestAborted;
        if (await throttle.IsPausedAsync(Input.Email, address, cancellationToken))
        {
            Message = Paused;
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (!await PasswordMatchesAsync(user, Input.Password) || user!.Disabled)
        {
            await throttle.RecordFailureAsync(Input.Email, address, cancellationToken);
            Message = WrongCredentials;
            return Page();
        }

        await throttle.RecordSuccessAsync(Input.Email, cancellationToken);
        if (options.Value.RequireVerifiedEmail && !user.EmailConfirmed)
        {
            await VerificationEmail.SendAsync(users, email, Request, user, ReturnUrl, cancellationToken);
            Notice = "Verify your email address first: we have sent you a new link.";
            return Page();
        }

        return Continue(await flow.FirstFactorPassedAsync(HttpContext, user, ["pwd"], ReturnUrls.Safe(Request, ReturnUrl)));
    }

    private IActionResult Continue(SignInStep step)
    {
        if (step.Kind == SignInStepKind.Refused)
        {
            Message = step.Error;
            return Page();
        }

        return LocalRedirect(step.RedirectTo!);
    }

    /// <summary>"Email me a code": a code (and a magic link where offered) to any address. For an address
    /// without an account, using it creates one, so the answer is the same for everyone.</summary>
    public async Task<IActionResult> OnPostEmailAsync()
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
            Message = TooManyCodes;
            return Page();
        }

        return RedirectToPage("Code", new { flow });
    }

    private async Task<bool> PasswordMatchesAsync(CiamUser? user, string? password)
    {
        // An account without a password (passwordless only) costs the same check as a missing one.
        if (user is null || user.PasswordHash is null || password is null)
        {
            hasher.VerifyHashedPassword(new CiamUser(), DummyHash, password ?? string.Empty);
            return false;
        }

        return await users.CheckPasswordAsync(user, password);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = string.Empty;

        // Required for the password button only (checked there): the email-code button sends the email alone.
        [StringLength(1024, ErrorMessage = "The email or password is not correct.")]
        public string? Password { get; set; }
    }
}
