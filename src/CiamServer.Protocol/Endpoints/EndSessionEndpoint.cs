using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Protocol.Endpoints;

/// <summary>RP-initiated logout. OpenIddict has checked id_token_hint and that post_logout_redirect_uri is
/// registered for the client. Without a valid hint the user confirms first, so a third-party page cannot
/// sign people out behind their back.</summary>
internal static class EndSessionEndpoint
{
    public const string ConfirmPath = "/account/logout";
    public const string SignedOutPath = "/account/signed-out";

    public static async Task<IResult> HandleAsync(HttpContext context, ISessionManager sessions, IAntiforgery antiforgery)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var cookie = await context.AuthenticateAsync(CiamAuthentication.SessionScheme);

        // Without an id_token_hint OpenIddict still answers "succeeded", with a principal that names nobody:
        // only a subject makes a hint.
        var hintedSubject = hint.Succeeded ? hint.Principal?.GetClaim(Claims.Subject) : null;
        if (hintedSubject is null && cookie.Succeeded && !await ConfirmedAsync(context, antiforgery, cookie.Principal!))
        {
            return Results.Redirect(AuthorizationRequests.LocalUrl(context.Request, ConfirmPath));
        }

        // A hint for another user than the one signed in here does not sign this one out.
        var cookieSubject = cookie.Principal?.FindFirstValue(CiamClaimTypes.Subject);
        if (cookie.Succeeded && (hintedSubject is null || hintedSubject == cookieSubject))
        {
            if (cookie.Principal!.FindFirstValue(CiamClaimTypes.SessionId) is { } sessionId)
            {
                await sessions.EndAsync(sessionId, SessionEndReasons.SignOut, context.RequestAborted);
            }

            await context.SignOutAsync(CiamAuthentication.SessionScheme);
        }
        else if (!cookie.Succeeded && hint.Succeeded && hint.Principal?.GetClaim(CiamClaimTypes.SessionId) is { Length: > 0 } hintedSession)
        {
            // No SSO cookie here (another browser, an app's in-app browser, an expired cookie): the client still
            // asks to end the session its ID token came from. A browser where someone else is signed in is left
            // alone, as above.
            await sessions.EndAsync(hintedSession, SessionEndReasons.SignOut, context.RequestAborted);
        }

        if (string.IsNullOrEmpty(request.PostLogoutRedirectUri))
        {
            return Results.Redirect(context.Request.PathBase + SignedOutPath);
        }

        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<bool> ConfirmedAsync(HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal signedIn)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.HasFormContentType
            || context.Request.Form[AuthorizationRequests.ConfirmParameter] != "true")
        {
            return false;
        }

        if (await antiforgery.IsRequestValidAsync(context))
        {
            return true;
        }

        // The confirmation page issues its token to an anonymous user; the account page (which requires the
        // session) to the signed-in one. Both are bound to this browser's antiforgery cookie.
        var user = context.User;
        context.User = signedIn;
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        finally
        {
            context.User = user;
        }
    }
}
