using System.Net;
using System.Net.Sockets;
using MaxMind.Db;

namespace CiamServer.Risk.Geo;

/// <summary>Country and coordinates from a MaxMind DB file, memory-mapped. Reads GeoIP2/GeoLite2 records
/// (<c>country.iso_code</c>, else <c>registered_country.iso_code</c>; <c>location.latitude</c> and
/// <c>location.longitude</c>) and ip-location-db's flat ones (<c>country_code</c>, <c>latitude</c>,
/// <c>longitude</c>). A country-only file gives countries without coordinates.</summary>
internal sealed class MmdbRiskGeoReader(string path) : IDisposable
{
    private readonly Reader _reader = new(path, FileAccessMode.MemoryMapped);

    public RiskLocation? Locate(IPAddress address)
    {
        // An IPv4-only file cannot answer for IPv6.
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && _reader.Metadata.IPVersion == 4)
        {
            return null;
        }

        var record = _reader.Find<Dictionary<string, object>>(address);
        if (record is null)
        {
            return null;
        }

        var country = Value(record, "country", "iso_code") as string
            ?? Value(record, "registered_country", "iso_code") as string
            ?? Value(record, "country_code") as string;
        var latitude = Number(Value(record, "location", "latitude") ?? Value(record, "latitude"));
        var longitude = Number(Value(record, "location", "longitude") ?? Value(record, "longitude"));
        if (latitude is null || longitude is null)
        {
            (latitude, longitude) = (null, null);
        }

        return country is null && latitude is null
            ? null
            : new RiskLocation(country is { Length: 2 } ? country.ToUpperInvariant() : null, latitude, longitude);
    }

    public void Dispose() => _reader.Dispose();

    private static object? Value(Dictionary<string, object> record, params string[] path)
    {
        object? current = record;
        foreach (var key in path)
        {
            if (current is not Dictionary<string, object> map || !map.TryGetValue(key, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static double? Number(object? value) => value switch
    {
        double d => d,
        float f => f,
        decimal m => (double)m,
        int i => i,
        long l => l,
        _ => null,
    };
}
