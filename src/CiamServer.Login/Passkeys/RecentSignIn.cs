using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Login.Passkeys;

/// <summary>Changing how one signs in needs a fresh sign-in (SECURITY.md: re-authentication before changing
/// factors): the session behind the cookie must have started within <see cref="Window"/>.</summary>
internal static class RecentSignIn
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const string Message = "For your security, sign in again before adding or deleting a passkey.";

    public static async Task<bool> IsRecentAsync(ISessionManager sessions, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(CiamClaimTypes.SessionId) is not { } sessionId)
        {
            return false;
        }

        var session = await sessions.FindNotEndedAsync(sessionId, cancellationToken);
        return session is not null && clock.GetUtcNow().UtcDateTime - session.CreatedAt <= Window;
    }

    /// <summary>The login page, coming back to <paramref name="returnUrl"/> (this tenant's path) afterwards.</summary>
    public static string SignInAgainUrl(HttpRequest request, string returnUrl) =>
        request.PathBase + "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
}
