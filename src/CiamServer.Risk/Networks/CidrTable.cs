using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace CiamServer.Risk.Networks;

/// <summary>Longest-prefix lookup of an address in a set of networks: one hash lookup per distinct prefix
/// length in the table, however many entries (a Tor exit list is a few thousand /32s).</summary>
internal sealed class CidrTable<T>
{
    private readonly Family _v4 = new(32);
    private readonly Family _v6 = new(128);

    public int Count => _v4.Count + _v6.Count;

    /// <summary>Adds a network; the first value added for a network is kept.</summary>
    public void Add(IPNetwork network, T value)
    {
        var address = network.BaseAddress;
        var family = address.AddressFamily == AddressFamily.InterNetwork ? _v4 : _v6;
        family.Add(Key(address), network.PrefixLength, value);
    }

    public bool TryFind(IPAddress address, out T value)
    {
        address = Cidr.Normalize(address);
        var family = address.AddressFamily == AddressFamily.InterNetwork ? _v4 : _v6;
        return family.TryFind(Key(address), out value);
    }

    private static UInt128 Key(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private sealed class Family(int bits)
    {
        private readonly Dictionary<UInt128, T>?[] _byLength = new Dictionary<UInt128, T>?[bits + 1];
        private int[] _lengths = [];

        public int Count { get; private set; }

        public void Add(UInt128 key, int length, T value)
        {
            var entries = _byLength[length];
            if (entries is null)
            {
                entries = _byLength[length] = [];
                _lengths = [.. _lengths.Append(length).OrderDescending()];
            }

            if (entries.TryAdd(key & Mask(length), value))
            {
                Count++;
            }
        }

        public bool TryFind(UInt128 key, out T value)
        {
            foreach (var length in _lengths)
            {
                if (_byLength[length]!.TryGetValue(key & Mask(length), out value!))
                {
                    return true;
                }
            }

            value = default!;
            return false;
        }

        private UInt128 Mask(int length) => length == 0 ? UInt128.Zero : (UInt128.MaxValue << (bits - length)) & (UInt128.MaxValue >> (128 - bits));
    }
}
