using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using CiamServer.Login.Passkeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account.Security;

/// <summary>What the security pages share: the signed-in user, and the recent sign-in that changing a second factor
/// needs (SECURITY.md: re-authentication before changing factors). Answers are never cached: some carry secrets.</summary>
[Authorize(AuthenticationSchemes = CiamAuthentication.SessionScheme)]
public abstract class SecurityPageModel(ISessionManager sessions, TimeProvider clock) : PageModel
{
    internal const string SignInAgainMessage = "For your security, sign in again before changing how you verify it's you.";

    public bool IsRecent { get; private set; }

    /// <summary>This page's path, where signing in again comes back to.</summary>
    public abstract string Self { get; }

    public string SignInAgainUrl => RecentSignIn.SignInAgainUrl(Request, Self);

    public string SecurityUrl => Request.PathBase + "/account/security";

    protected Guid UserId => Guid.Parse(User.FindFirstValue(CiamClaimTypes.Subject)!);

    /// <summary>Whether the session started within <see cref="RecentSignIn.Window"/>; also sets <see cref="IsRecent"/>.</summary>
    protected async Task<bool> CheckRecentAsync()
    {
        IsRecent = await RecentSignIn.IsRecentAsync(sessions, clock, User, HttpContext.RequestAborted);
        return IsRecent;
    }

    protected void NoStore() => Response.Headers.CacheControl = "no-store";
}
