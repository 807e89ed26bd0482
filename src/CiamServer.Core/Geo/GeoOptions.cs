namespace CiamServer.Core.Geo;

/// <summary><c>Ciam:Geo</c>: where coarse locations of sign-ins come from.</summary>
public sealed class GeoOptions
{
    public const string Section = "Ciam:Geo";

    /// <summary>A MaxMind DB file (.mmdb): MaxMind GeoIP2/GeoLite2 City or Country, or an ip-location-db
    /// city or country file. Unset: locations are unknown. Operators bring their own licensed copy.</summary>
    public string? DatabasePath { get; set; }
}
