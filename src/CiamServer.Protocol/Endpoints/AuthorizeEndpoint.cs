using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using CiamServer.Core.Users;
using CiamServer.Protocol.Issuance;
using CiamServer.Protocol.Sessions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Protocol.Endpoints;

/// <summary>The authorization endpoint after OpenIddict validated the request (client, redirect_uri,
/// PKCE, scopes): decides between signing in, asking for consent, and answering the client.</summary>
internal static class AuthorizeEndpoint
{
    public const string LoginPath = "/account/login";
    public const string ConsentPath = "/account/consent";
    public const string StepUpPath = "/account/mfa";

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        UserManager<CiamUser> users,
        ISessionManager sessions,
        IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations,
        IAntiforgery antiforgery,
        PrincipalFactory principals,
        SessionAuthorizations sessionAuthorizations,
        TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cancellationToken = context.RequestAborted;

        var signedIn = await SignedInUserAsync(context, users, sessions, cancellationToken);
        var hintNamesSomeoneElse = signedIn is not null && await HintNamesSomeoneElseAsync(context, signedIn.Value.User);
        if (hintNamesSomeoneElse && !string.IsNullOrEmpty(context.Request.Query[AuthorizationRequests.HintedLoginParameter]))
        {
            // The login page was shown for the hinted user and someone else signed in: OIDC Core 3.1.2.1 says
            // answer login_required rather than ask again (a loop) or issue a code for another user.
            return Forbid(Errors.LoginRequired, "The user who signed in is not the one the id_token_hint names.");
        }

        if (signedIn is null || MustReauthenticate(context, request, signedIn.Value.Session, clock) || hintNamesSomeoneElse)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user must sign in.");
            }

            // Back from the login page the user has just authenticated: prompt=login and max_age are
            // satisfied, and keeping them would send the user round again. An id_token_hint stays, marked as
            // already shown to the user, so a sign-in as someone else ends in login_required.
            var returnUrl = AuthorizationRequests.LocalUrl(context.Request, context.Request.Path, [PromptValues.Login], [Parameters.MaxAge]);
            if (!string.IsNullOrEmpty(request.IdTokenHint))
            {
                returnUrl += (returnUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + AuthorizationRequests.HintedLoginParameter + "=1";
            }

            var login = context.Request.PathBase + LoginPath + QueryString.Create(new Dictionary<string, string?>
            {
                ["returnUrl"] = returnUrl,
                ["login_hint"] = request.LoginHint,
            });
            // The old session (if any) stays until the new sign-in replaces it; abandoning the login page keeps it.
            return Results.Redirect(login);
        }

        var (user, session) = signedIn.Value;
        if (request.GetAcrValues().Contains(PrincipalFactory.MultiFactorAcr) && PrincipalFactory.AcrOf(session) != PrincipalFactory.MultiFactorAcr)
        {
            // Step-up (OIDC Core 3.1.2.1 acr_values): the client wants two factors and this session has one.
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.InteractionRequired, "The client asks for a second factor.");
            }

            return Results.Redirect(context.Request.PathBase + StepUpPath + QueryString.Create("returnUrl",
                AuthorizationRequests.LocalUrl(context.Request, context.Request.Path)));
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict validated a client that cannot be found.");
        var subject = user.Id.ToString();
        var scopes = request.GetScopes();

        var remembered = new List<object>();
        await foreach (var authorization in authorizations.FindAsync(
            subject, await applications.GetIdAsync(application, cancellationToken), Statuses.Valid, AuthorizationTypes.Permanent, scopes, cancellationToken))
        {
            remembered.Add(authorization);
        }

        var consentType = await applications.GetConsentTypeAsync(application, cancellationToken);
        var decision = await ConsentDecisionAsync(context, antiforgery);
        if (decision == ConsentDecision.Denied)
        {
            return Forbid(Errors.AccessDenied, "The user did not give consent.");
        }

        // prompt=consent asks every client's user (OIDC Core 3.1.2.1), also for first-party clients that
        // otherwise need none.
        var needsConsent = (consentType == ConsentTypes.Explicit && remembered.Count == 0) || request.HasPromptValue(PromptValues.Consent);
        if (needsConsent && decision != ConsentDecision.Granted)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.ConsentRequired, "The user must give consent.");
            }

            return Results.Redirect(AuthorizationRequests.LocalUrl(context.Request, ConsentPath));
        }

        var principal = await principals.ForUserAsync(user, session, scopes, TenantIssuer.Of(context.Request), cancellationToken);
        var applicationId = (await applications.GetIdAsync(application, cancellationToken))!;
        if (decision == ConsentDecision.Granted && context.Request.Form[AuthorizationRequests.RememberConsentParameter] == "true")
        {
            // Remembered consent outlives the session; the tokens below belong to the session.
            await authorizations.CreateAsync(principal, subject, applicationId, AuthorizationTypes.Permanent, principal.GetScopes(), cancellationToken);
        }

        principal.SetAuthorizationId(await sessionAuthorizations.CreateAsync(principal, subject, applicationId, session, cancellationToken));
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<(CiamUser User, UserSession Session)?> SignedInUserAsync(
        HttpContext context, UserManager<CiamUser> users, ISessionManager sessions, CancellationToken cancellationToken)
    {
        var result = await context.AuthenticateAsync(CiamAuthentication.SessionScheme);
        var sessionId = result.Principal?.FindFirstValue(CiamClaimTypes.SessionId);
        var userId = result.Principal?.FindFirstValue(CiamClaimTypes.Subject);
        if (!result.Succeeded || sessionId is null || userId is null)
        {
            return null;
        }

        var session = await sessions.TouchAsync(sessionId, cancellationToken);
        var user = session is null ? null : await users.FindByIdAsync(userId);
        return user is null || user.Disabled || session!.UserId != user.Id ? null : (user, session);
    }

    private static bool MustReauthenticate(HttpContext context, OpenIddictRequest request, UserSession session, TimeProvider clock)
    {
        // prompt=login is honoured once: the login page returns here without it.
        if (request.HasPromptValue(PromptValues.Login))
        {
            return true;
        }

        return request.MaxAge is { } maxAge
            && clock.GetUtcNow().UtcDateTime - session.CreatedAt > TimeSpan.FromSeconds(maxAge);
    }

    /// <summary>An id_token_hint naming another user means the client expects someone else: sign in again.</summary>
    private static async Task<bool> HintNamesSomeoneElseAsync(HttpContext context, CiamUser user)
    {
        var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var hinted = hint.Principal?.GetClaim(Claims.Subject);
        return hinted is not null && hinted != user.Id.ToString();
    }

    private static async Task<ConsentDecision> ConsentDecisionAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            return ConsentDecision.None;
        }

        var value = context.Request.Form[AuthorizationRequests.ConsentDecisionParameter].ToString();
        if (value.Length == 0 || !await antiforgery.IsRequestValidAsync(context))
        {
            return ConsentDecision.None;
        }

        return value == "accept" ? ConsentDecision.Granted : ConsentDecision.Denied;
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private enum ConsentDecision
    {
        None,
        Granted,
        Denied,
    }
}
