using System.ComponentModel.DataAnnotations;
using CiamServer.Core.Tenancy;
using CiamServer.Login.Infrastructure;
using CiamServer.Passwordless;
using CiamServer.Passwordless.Phones;
using CiamServer.Passwordless.Sms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CiamServer.Login.Pages.Account;

/// <summary>"Text me a code": sign in, or sign up, with a phone number alone.</summary>
public sealed class SmsModel(CodeDelivery codes, ISmsSender sms, ITenantContext tenants, IOptions<PasswordlessOptions> options) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your mobile number.")]
    [StringLength(40, ErrorMessage = "Enter a valid mobile number.")]
    public string? PhoneNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public string DefaultRegion => options.Value.DefaultPhoneRegion;

    private bool Offered => tenants.Required.SignIn.SmsCode && sms.IsConfigured;

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

        if (!PhoneNumberNormalizer.TryNormalize(PhoneNumber, DefaultRegion, out var e164))
        {
            ModelState.AddModelError(nameof(PhoneNumber), "Enter a valid mobile number, with the country code (+44…) if it is not in your country.");
            return Page();
        }

        var flow = await codes.SendBySmsAsync(HttpContext, e164, ReturnUrls.Safe(Request, ReturnUrl));
        if (flow is null)
        {
            Message = "Too many codes were sent to this number. Wait an hour, or sign in another way.";
            return Page();
        }

        return RedirectToPage("Code", new { flow });
    }
}
