namespace CiamServer.Risk;

/// <summary>Where an address is: an ISO 3166 alpha-2 country (upper-case) and, when the source has them,
/// approximate coordinates in degrees (a country-only database has none).</summary>
public sealed record RiskLocation(string? Country, double? Latitude, double? Longitude);
