using System.Net;

namespace CiamServer.Risk;

/// <summary>Country and coordinates of an IP address for the risk signals: first the configured networks
/// (<c>Ciam:Risk:Networks</c>), then the MaxMind DB file when one is configured.</summary>
public interface IRiskGeo
{
    /// <summary>Null when no source knows the address.</summary>
    RiskLocation? Locate(IPAddress address);
}
