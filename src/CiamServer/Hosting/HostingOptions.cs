namespace CiamServer.Hosting;

/// <summary><c>Ciam:Hosting</c>: how the server sits behind the network.</summary>
public sealed class HostingOptions
{
    public const string Section = "Ciam:Hosting";

    /// <summary>Serve over plain HTTP (no HTTPS redirect, no HSTS, OpenIddict's transport check off).
    /// Development and local demos only.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Proxies whose X-Forwarded-For/Proto headers are trusted (IP addresses).</summary>
    public List<string> KnownProxies { get; } = [];

    /// <summary>Networks whose forwarded headers are trusted (CIDR, e.g. 10.0.0.0/8).</summary>
    public List<string> KnownNetworks { get; } = [];
}
