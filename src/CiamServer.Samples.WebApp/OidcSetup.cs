using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CiamServer.Samples.WebApp;

/// <summary>The OpenID Connect handler: authorization code flow with PKCE (response_mode form_post, the
/// handler's default), tokens kept in the auth cookie so the app can call the API and send id_token_hint
/// at sign-out.</summary>
internal sealed class OidcSetup(IOptions<SampleOptions> sample, IHostEnvironment environment)
    : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name != OpenIdConnectDefaults.AuthenticationScheme)
        {
            return;
        }

        var settings = sample.Value;
        options.Authority = settings.Authority?.ToString().TrimEnd('/');
        // Plain http only for a server on this machine during development; everywhere else metadata,
        // keys and tokens travel over https.
        options.RequireHttpsMetadata = !(environment.IsDevelopment() && settings.Authority is { IsLoopback: true });
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SaveTokens = true;
        // Claims keep their JWT names (sub, name, email) instead of the long WS-Federation URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
        options.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email", "offline_access", "demo.api" })
        {
            options.Scope.Add(scope);
        }

        // The server redirects here after its end_session endpoint; the handler then goes to SignedOutRedirectUri.
        options.SignedOutCallbackPath = "/signout-callback-oidc";
        options.SignedOutRedirectUri = "/signed-out";
    }

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);
}
