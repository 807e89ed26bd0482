using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace CiamServer.Samples.Api;

/// <summary>Local validation of the server's access tokens: signature from the issuer's JWKS, issuer,
/// audience, lifetime, and typ at+jwt (RFC 9068), so an ID token cannot be used as an access token.</summary>
internal sealed class JwtBearerSetup(IOptions<ApiOptions> api, IHostEnvironment environment)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var settings = api.Value;
        options.Authority = settings.Authority?.ToString().TrimEnd('/');
        options.Audience = settings.Audience;
        // Plain http only for a server on this machine during development.
        options.RequireHttpsMetadata = !(environment.IsDevelopment() && settings.Authority is { IsLoopback: true });
        // Claims keep their JWT names (sub, client_id, scope).
        options.MapInboundClaims = false;
        options.TokenValidationParameters.ValidTypes = ["at+jwt"];
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
