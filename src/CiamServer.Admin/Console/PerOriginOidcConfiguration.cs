using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CiamServer.Admin.Console;

/// <summary>The admin tenant's discovery document as seen from the origin of the current request: the server is
/// its own identity provider under every host name it is reached by, and each host has its own issuer.
/// Documents are fetched (through the loopback back-channel) and cached per issuer like any relying party's.</summary>
internal sealed class PerOriginOidcConfiguration(IHttpContextAccessor accessor, HttpClient backchannel) : IConfigurationManager<OpenIdConnectConfiguration>
{
    // Host filtering bounds the origins in production; this bounds them where any host is allowed (development).
    private const int MaxIssuers = 32;

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _byIssuer = new(StringComparer.Ordinal);

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("The console signs in within a request.");
        var issuer = $"{request.Scheme}://{request.Host}{request.PathBase}";
        if (_byIssuer.Count >= MaxIssuers && !_byIssuer.ContainsKey(issuer))
        {
            _byIssuer.Clear();
        }

        var manager = _byIssuer.GetOrAdd(issuer, i => new ConfigurationManager<OpenIdConnectConfiguration>(
            i + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            // The call goes to this process over loopback whatever the public scheme (see LoopbackBackchannelHandler).
            new HttpDocumentRetriever(backchannel) { RequireHttps = false }));
        return manager.GetConfigurationAsync(cancel);
    }

    public void RequestRefresh()
    {
        foreach (var manager in _byIssuer.Values)
        {
            manager.RequestRefresh();
        }
    }
}
