using CiamServer.Core.Tenancy;
using CiamServer.Login.Infrastructure;
using CiamServer.Login.Passkeys;
using CiamServer.Login.SignIn;
using CiamServer.Passwordless.Passkeys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

/// <summary>Sign-in with a passkey: a page of its own (a direct link, and the fallback when the login page is
/// not where one starts) and the two JSON steps the login page's passkey button and autofill call.</summary>
[RequestSizeLimit(PasskeyLimits.RequestBytes)]
[RequestFormLimits(ValueLengthLimit = PasskeyLimits.RequestBytes, KeyLengthLimit = 256, ValueCountLimit = 16)]
public sealed class PasskeyModel(PasskeyService passkeys, SignInFlow flow, ITenantContext tenants) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!tenants.Required.SignIn.Passkey)
        {
            context.Result = NotFound();
        }
    }

    public void OnGet()
    {
    }

    public IActionResult OnPostOptions() => PasskeyJson.Options(passkeys.BeginSignIn());

    public async Task<IActionResult> OnPostVerifyAsync(string? state, string? credential)
    {
        var result = await passkeys.CompleteSignInAsync(state, credential, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return PasskeyJson.Error(PasskeyJson.MessageFor(result.Failure));
        }

        var step = await flow.FirstFactorPassedAsync(HttpContext, result.User!, result.Methods, ReturnUrls.Safe(Request, ReturnUrl));
        return step.Kind == SignInStepKind.Refused ? PasskeyJson.Error(step.Error!) : PasskeyJson.Redirect(step.RedirectTo!);
    }
}
