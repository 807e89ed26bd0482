namespace CiamServer.Core.Geo;

/// <summary>Coarse location of an IP address ("Paris, France", "France"), or null when unknown: no database
/// configured, a private or loopback address, or an address the database does not cover.</summary>
public interface IIpLocator
{
    string? Locate(string? ipAddress);
}
