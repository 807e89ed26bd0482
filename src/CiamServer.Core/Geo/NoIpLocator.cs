namespace CiamServer.Core.Geo;

/// <summary>Used when no geolocation database is configured.</summary>
internal sealed class NoIpLocator : IIpLocator
{
    public string? Locate(string? ipAddress) => null;
}
