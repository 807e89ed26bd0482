using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CiamServer.Admin.Console;

/// <summary>Sends the console's back-channel calls (discovery, JWKS, token, userinfo) to this server's own
/// listening socket, keeping the Host the browser used, so the issuer in what comes back is the one the browser
/// sees. Behind a TLS-terminating proxy the server listens on plain HTTP: the original scheme goes along as
/// X-Forwarded-Proto, which the forwarded-headers middleware accepts from loopback only.
/// Calling the public address instead would need DNS, the proxy and its certificate to be reachable from inside
/// the server, which containers often are not.</summary>
internal sealed class LoopbackBackchannelHandler(IServer server) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri ?? throw new InvalidOperationException("A back-channel request without an address.");
        var local = LocalAddress();
        request.Headers.Host = original.Authority;
        if (!string.Equals(local.Scheme, original.Scheme, StringComparison.Ordinal))
        {
            request.Headers.Remove("X-Forwarded-Proto");
            request.Headers.Add("X-Forwarded-Proto", original.Scheme);
        }

        request.RequestUri = new UriBuilder(original) { Scheme = local.Scheme, Host = local.Host, Port = local.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>The first address Kestrel listens on (plain HTTP preferred: no certificate to check on loopback),
    /// with a wildcard host made a loopback one.</summary>
    private Uri LocalAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)))
            .ToList();
        if (addresses is not { Count: > 0 })
        {
            throw new InvalidOperationException("The server listens on no address the console could call back.");
        }

        var chosen = addresses.FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttp) ?? addresses[0];
        var host = chosen.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : chosen.Host;
        return new UriBuilder(chosen) { Host = host }.Uri;
    }
}
