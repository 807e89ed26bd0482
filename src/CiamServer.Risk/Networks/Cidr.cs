using System.Net;
using System.Net.Sockets;

namespace CiamServer.Risk.Networks;

/// <summary>Parsing of CIDR notation and the network an address belongs to.</summary>
internal static class Cidr
{
    /// <summary>Accepts <c>203.0.113.0/24</c>, <c>2001:db8::/32</c> and single addresses (a /32 or /128).
    /// Host bits are cleared (<c>10.1.2.3/8</c> is <c>10.0.0.0/8</c>); IPv4-mapped IPv6 becomes IPv4.</summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        var span = text.AsSpan().Trim();
        var slash = span.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? span : span[..slash], out var address))
        {
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = bits;
        if (slash >= 0 && (!int.TryParse(span[(slash + 1)..], System.Globalization.NumberStyles.None, null, out length) || length > bits))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6 && length >= 96)
        {
            address = address.MapToIPv4();
            length -= 96;
        }

        network = new IPNetwork(Mask(address, length), length);
        return true;
    }

    /// <summary>The network used by the "new network" signal: IPv4 /24, IPv6 /48.</summary>
    public static IPNetwork NetworkOf(IPAddress address)
    {
        address = Normalize(address);
        var length = address.AddressFamily == AddressFamily.InterNetwork ? 24 : 48;
        return new IPNetwork(Mask(address, length), length);
    }

    /// <summary>IPv4 clients of a dual-stack socket arrive as <c>::ffff:a.b.c.d</c>; lists and places are IPv4.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IPAddress Mask(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(length - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
