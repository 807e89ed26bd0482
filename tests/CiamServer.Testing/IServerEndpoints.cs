namespace CiamServer.Testing;

/// <summary>Where a CiamServer under test answers: an in-process <see cref="CiamTestServer"/> or a server
/// running as its own process.</summary>
public interface IServerEndpoints
{
    /// <summary>https://localhost:{port}</summary>
    Uri BaseAddress { get; }

    string Issuer(string tenant) => new Uri(BaseAddress, $"/t/{tenant}").ToString().TrimEnd('/');

    Uri Url(string tenant, string path) => new(BaseAddress, $"/t/{tenant}/{path.TrimStart('/')}");

    BrowserLikeClient CreateBrowser() => new(BaseAddress);
}
