using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MaxMind.Db;
using Microsoft.Extensions.Options;

namespace CiamServer.Core.Geo;

/// <summary>Looks addresses up in a MaxMind DB file, memory-mapped (lookups are microseconds, no network).
/// Understands two record layouts: MaxMind's GeoIP2/GeoLite2 (<c>country.iso_code</c>, <c>city.names.en</c>)
/// and ip-location-db's (<c>country_code</c>, <c>city</c>).</summary>
internal sealed class MmdbIpLocator(IOptions<GeoOptions> options) : IIpLocator, IDisposable
{
    private readonly Reader _reader = new(options.Value.DatabasePath!, FileAccessMode.MemoryMapped);

    public string? Locate(string? ipAddress)
    {
        if (!IPAddress.TryParse(ipAddress, out var address))
        {
            return null;
        }

        // Kestrel on a dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (!IsPublic(address))
        {
            return null;
        }

        // An IPv4-only file (ip-location-db ships ipv4 and ipv6 files apart) cannot answer for IPv6.
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && _reader.Metadata.IPVersion == 4)
        {
            return null;
        }

        var record = _reader.Find<Dictionary<string, object>>(address);
        if (record is null)
        {
            return null;
        }

        var country = CountryName(Text(record, "country", "iso_code") ?? Text(record, "country_code"));
        var city = Text(record, "city", "names", "en") ?? Text(record, "city");
        return (city, country) switch
        {
            (null, null) => null,
            (null, _) => country,
            (_, null) => city,
            _ => $"{city}, {country}",
        };
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Follows a path of nested maps to a string; null if any step is missing.</summary>
    private static string? Text(Dictionary<string, object> record, params string[] path)
    {
        object? current = record;
        foreach (var key in path)
        {
            if (current is not Dictionary<string, object> map || !map.TryGetValue(key, out current))
            {
                return null;
            }
        }

        return current is string { Length: > 0 } text ? text : null;
    }

    private static string? CountryName(string? isoCode)
    {
        if (isoCode is null)
        {
            return null;
        }

        try
        {
            return new RegionInfo(isoCode).EnglishName;
        }
        catch (ArgumentException)
        {
            return isoCode;
        }
    }

    /// <summary>Private, loopback and link-local addresses have no place on a map.</summary>
    private static bool IsPublic(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return true;
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || b[0] == 0);
    }
}
