using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using CiamServer.Login.Infrastructure;
using CiamServer.Login.Passkeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

/// <summary>The suggestion after a passwordless sign-up or a recovery: add a passkey now, or carry on.</summary>
[Authorize(AuthenticationSchemes = CiamAuthentication.SessionScheme)]
public sealed class AddPasskeyModel(ISessionManager sessions, ITenantContext tenants, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Where "Not now" and a finished registration go: the safe form of the return URL.</summary>
    public string ContinueUrl => ReturnUrls.Safe(Request, ReturnUrl);

    public string Endpoint => Request.PathBase + "/account/passkeys";

    public bool IsRecent { get; private set; }

    public string SignInAgainUrl => RecentSignIn.SignInAgainUrl(Request, Request.PathBase + Request.Path + Request.QueryString);

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!tenants.Required.SignIn.Passkey)
        {
            context.Result = NotFound();
        }
    }

    public async Task OnGetAsync() => IsRecent = await RecentSignIn.IsRecentAsync(sessions, clock, User, HttpContext.RequestAborted);
}
