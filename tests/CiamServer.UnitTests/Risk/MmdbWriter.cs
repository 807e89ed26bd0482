using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CiamServer.UnitTests.Risk;

/// <summary>Writes a small MaxMind DB file (format 2.0, https://maxmind.github.io/MaxMind-DB/) so the tests
/// read a real .mmdb without shipping licensed data: an IPv6 search tree with 24-bit records (IPv4 networks
/// under ::/96), a data section of maps, strings and doubles, then the metadata after its marker.
/// Networks must not overlap.</summary>
internal sealed class MmdbWriter
{
    private static readonly byte[] MetadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];
    private readonly Node _root = new();
    private readonly MemoryStream _data = new();

    /// <summary>Adds a network, e.g. "203.0.113.0/24", with its record (nested dictionaries, strings, doubles, ints).</summary>
    public MmdbWriter Add(string cidr, IReadOnlyDictionary<string, object> record)
    {
        var (address, length) = (IPAddress.Parse(cidr.Split('/')[0]), int.Parse(cidr.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture));
        var bytes = new byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.GetAddressBytes().CopyTo(bytes, 12);
            length += 96;
        }
        else
        {
            address.GetAddressBytes().CopyTo(bytes, 0);
        }

        var offset = (int)_data.Length;
        Encode(_data, record);
        var node = _root;
        for (var i = 0; i < length; i++)
        {
            var bit = (bytes[i / 8] >> (7 - (i % 8))) & 1;
            if (i == length - 1)
            {
                node.Data[bit] = offset;
            }
            else
            {
                node = node.Children[bit] ??= new Node();
            }
        }

        return this;
    }

    public void Save(string path, string databaseType = "CiamServer-Test-City") => File.WriteAllBytes(path, Build(databaseType));

    private byte[] Build(string databaseType)
    {
        var nodes = Number();
        var nodeCount = nodes.Count;
        using var file = new MemoryStream();
        Span<byte> record = stackalloc byte[4];
        foreach (var node in nodes)
        {
            for (var side = 0; side < 2; side++)
            {
                var value = node.Children[side] is { } child ? child.Index
                    : node.Data[side] is { } offset ? nodeCount + 16 + offset
                    : nodeCount;
                BinaryPrimitives.WriteUInt32BigEndian(record, (uint)value);
                file.Write(record[1..]);
            }
        }

        file.Write(new byte[16]);
        _data.WriteTo(file);
        file.Write(MetadataMarker);
        Encode(file, new Dictionary<string, object>
        {
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = (ulong)1_700_000_000,
            ["database_type"] = databaseType,
            ["description"] = new Dictionary<string, object> { ["en"] = "CiamServer test database" },
            ["ip_version"] = (ushort)6,
            ["languages"] = new object[] { "en" },
            ["node_count"] = (uint)nodeCount,
            ["record_size"] = (ushort)24,
        });
        return file.ToArray();
    }

    /// <summary>Breadth-first numbering; the root is node 0.</summary>
    private List<Node> Number()
    {
        var nodes = new List<Node>();
        var queue = new Queue<Node>([_root]);
        while (queue.TryDequeue(out var node))
        {
            node.Index = nodes.Count;
            nodes.Add(node);
            foreach (var child in node.Children.OfType<Node>())
            {
                queue.Enqueue(child);
            }
        }

        return nodes;
    }

    private static void Encode(Stream output, object value)
    {
        switch (value)
        {
            case string text:
                var utf8 = Encoding.UTF8.GetBytes(text);
                Control(output, 2, utf8.Length);
                output.Write(utf8);
                break;
            case double number:
                Control(output, 3, 8);
                Span<byte> bytes = stackalloc byte[8];
                BinaryPrimitives.WriteDoubleBigEndian(bytes, number);
                output.Write(bytes);
                break;
            case ushort u16:
                Unsigned(output, 5, u16, 2);
                break;
            case uint u32:
                Unsigned(output, 6, u32, 4);
                break;
            case int i32 when i32 >= 0:
                Unsigned(output, 6, (uint)i32, 4);
                break;
            case ulong u64:
                Unsigned(output, 9, u64, 8);
                break;
            case IReadOnlyDictionary<string, object> map:
                Control(output, 7, map.Count);
                foreach (var (key, item) in map)
                {
                    Encode(output, key);
                    Encode(output, item);
                }

                break;
            case object[] array:
                Control(output, 11, array.Length);
                foreach (var item in array)
                {
                    Encode(output, item);
                }

                break;
            default:
                throw new NotSupportedException($"No MMDB encoding for {value.GetType()} in this writer.");
        }
    }

    /// <summary>Big-endian, without leading zero bytes (the size says how many).</summary>
    private static void Unsigned(Stream output, int type, ulong value, int width)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        var significant = bytes[(8 - width)..].TrimStart((byte)0);
        Control(output, type, significant.Length);
        output.Write(significant);
    }

    /// <summary>The control byte: type in the top 3 bits (0 and an extra byte for types above 7), size in the
    /// low 5 (29-31 and extra bytes for larger sizes; this writer needs up to 284).</summary>
    private static void Control(Stream output, int type, int size)
    {
        var sizeBits = size < 29 ? size : 29;
        output.WriteByte((byte)(((type <= 7 ? type : 0) << 5) | sizeBits));
        if (type > 7)
        {
            output.WriteByte((byte)(type - 7));
        }

        if (size >= 29)
        {
            output.WriteByte((byte)(size - 29));
        }
    }

    private sealed class Node
    {
        public Node?[] Children { get; } = new Node?[2];

        public int?[] Data { get; } = new int?[2];

        public int Index { get; set; }
    }
}
