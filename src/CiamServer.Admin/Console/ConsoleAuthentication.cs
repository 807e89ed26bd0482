using System.Security.Claims;
using CiamServer.Admin.Access;
using CiamServer.Core.Administration;
using CiamServer.Core.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CiamServer.Admin.Console;

/// <summary>The console signs admins in as any relying party would: Microsoft's OpenID Connect handler, code flow
/// with PKCE, against the admin tenant of this same server; the result is a console cookie scoped to the console.</summary>
internal static class ConsoleAuthentication
{
    public const string CookieScheme = "ciam.console";
    public const string OidcScheme = "ciam.console.oidc";
    public const string BackchannelClient = "ciam.console.backchannel";
    public const string Policy = "ciam.console";

    /// <summary>Why a sign-in was refused, for the console's "access denied" page (never the exception text).</summary>
    public const string NotAnAdministrator = "not-admin";
    public const string SecondFactorMissing = "mfa";
    public const string SignInFailed = "failed";

    public static void AddConsoleAuthentication(this IServiceCollection services)
    {
        services.AddTransient<LoopbackBackchannelHandler>();
        services.AddHttpClient(BackchannelClient, client => client.Timeout = TimeSpan.FromSeconds(10))
            .AddHttpMessageHandler<LoopbackBackchannelHandler>()
            // Loopback to this very process (the handler picks its own listening address): the certificate is
            // the one it serves for its public names, so a name check against "localhost" cannot pass and adds nothing.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            });

        services.AddAuthentication()
            .AddCookie(CookieScheme)
            .AddOpenIdConnect(OidcScheme, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IOptions<AdminOptions>>(ConfigureCookie);
        services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IHttpContextAccessor, IHttpClientFactory>(ConfigureOidc);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(CookieScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new AdminAccessRequirement(console: true)));
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, IOptions<AdminOptions> admin)
    {
        options.Cookie.Name = "ciam.console";
        options.Cookie.Path = $"/t/{admin.Value.TenantSlug}/console";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = admin.Value.ConsoleIdleTimeout;
        options.SlidingExpiration = true;
        options.ForwardChallenge = OidcScheme;
        options.AccessDeniedPath = "/console/denied";
    }

    private static void ConfigureOidc(OpenIdConnectOptions options, IHttpContextAccessor accessor, IHttpClientFactory clients)
    {
        options.SignInScheme = CookieScheme;
        options.ClientId = ConsoleClient.ClientId;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.CallbackPath = ConsoleClient.CallbackPath;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Scope.Add("email");
        options.GetClaimsFromUserInfoEndpoint = true;
        options.MapInboundClaims = false;
        // Kept for one use: the id_token_hint that signs the admin out of the admin tenant without a confirmation page.
        options.SaveTokens = true;
        options.TokenValidationParameters.NameClaimType = "email";
        options.Backchannel = clients.CreateClient(BackchannelClient);
        options.ConfigurationManager = new PerOriginOidcConfiguration(accessor, options.Backchannel);
        options.RequireHttpsMetadata = false;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = RedirectToIdentityProviderAsync,
            OnMessageReceived = MessageReceivedAsync,
            OnTokenValidated = TokenValidatedAsync,
            OnRemoteFailure = RemoteFailureAsync,
        };
    }

    /// <summary>The console exists in the admin tenant only; elsewhere its paths are not found. Admins are asked
    /// for the second factor up front (acr 2), as the tenant's step-up does for any client.</summary>
    private static Task RedirectToIdentityProviderAsync(RedirectContext context)
    {
        if (!InAdminTenant(context.HttpContext))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.HandleResponse();
            return Task.CompletedTask;
        }

        if (Options(context.HttpContext).RequireMfa)
        {
            context.ProtocolMessage.AcrValues = "2";
        }

        return Task.CompletedTask;
    }

    private static Task MessageReceivedAsync(MessageReceivedContext context)
    {
        if (!InAdminTenant(context.HttpContext))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.HandleResponse();
        }

        return Task.CompletedTask;
    }

    /// <summary>Checked here, not trusted from the login page: the second factor (RFC 8176 amr "mfa") and that the
    /// account holds an admin grant. The cookie keeps only what the console shows.</summary>
    private static async Task TokenValidatedAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (Options(context.HttpContext).RequireMfa && !principal.FindAll(CiamClaimTypes.AuthenticationMethods).Any(c => c.Value == "mfa"))
        {
            context.Fail(SecondFactorMissing);
            return;
        }

        var userId = Guid.TryParse(principal.FindFirst(CiamClaimTypes.Subject)?.Value, out var id) ? id : Guid.Empty;
        var grants = await context.HttpContext.RequestServices.GetRequiredService<AdminAccess>().GrantsOfAsync(userId, context.HttpContext.RequestAborted);
        if (!grants.IsAdmin)
        {
            context.Fail(NotAnAdministrator);
            return;
        }

        var kept = principal.Claims.Where(c => c.Type is CiamClaimTypes.Subject or "email" or "name" or CiamClaimTypes.AuthenticationMethods or CiamClaimTypes.SessionId);
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(kept, OidcScheme, "email", "role"));
    }

    private static Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var reason = context.Failure?.Message is NotAnAdministrator or SecondFactorMissing ? context.Failure.Message : SignInFailed;
        context.Response.Redirect($"{context.Request.PathBase}/console/denied?reason={reason}");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static bool InAdminTenant(HttpContext context) => context.RequestServices.GetRequiredService<AdminAccess>().InAdminTenant;

    private static AdminOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value;
}
