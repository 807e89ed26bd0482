using System.Net;
using CiamServer.Core.Geo;
using CiamServer.Risk.Networks;
using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Geo;

/// <summary>The configured networks first (longest prefix), then the MaxMind DB file
/// (<c>Ciam:Risk:GeoDatabasePath</c>, else <c>Ciam:Geo:DatabasePath</c>) when there is one.</summary>
internal sealed class RiskGeo : IRiskGeo, IDisposable
{
    private readonly CidrTable<RiskLocation> _networks = new();
    private readonly MmdbRiskGeoReader? _database;

    public RiskGeo(IOptions<RiskOptions> options, IOptions<GeoOptions> geoOptions)
    {
        foreach (var entry in options.Value.Networks)
        {
            if (Cidr.TryParse(entry.Cidr, out var network))
            {
                _networks.Add(network, new RiskLocation(entry.Country?.ToUpperInvariant(), entry.Latitude, entry.Longitude));
            }
        }

        var path = DatabasePath(options.Value, geoOptions.Value);
        _database = path is null ? null : new MmdbRiskGeoReader(path);
    }

    public RiskLocation? Locate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Cidr.Normalize(address);
        return _networks.TryFind(address, out var location) ? location : _database?.Locate(address);
    }

    public void Dispose() => _database?.Dispose();

    internal static string? DatabasePath(RiskOptions options, GeoOptions geoOptions) =>
        options.GeoDatabasePath is { Length: > 0 } own ? own
        : geoOptions.DatabasePath is { Length: > 0 } shared ? shared
        : null;
}
