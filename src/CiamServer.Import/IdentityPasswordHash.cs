using System.Buffers.Binary;

namespace CiamServer.Import;

/// <summary>The shape of an ASP.NET Core Identity version 3 password hash (what the server stores): base64 of
/// a 0x01 marker, the PRF, the iteration count and the salt length (big-endian 32-bit each), the salt and the
/// subkey. Checked before import, so a hash cut short or from another system is refused instead of locking
/// the account out.</summary>
public static class IdentityPasswordHash
{
    private const int HeaderLength = 13;
    private const int MaxPrf = 2; // HMACSHA1, HMACSHA256, HMACSHA512

    public static bool IsValid(string? hash)
    {
        if (string.IsNullOrEmpty(hash) || hash.Length > 1024)
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length < HeaderLength || bytes[0] != 0x01)
        {
            return false;
        }

        var span = bytes.AsSpan(0, length);
        var prf = BinaryPrimitives.ReadUInt32BigEndian(span[1..]);
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(span[5..]);
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(span[9..]);
        return prf <= MaxPrf && iterations > 0 && saltLength >= 16 && saltLength <= 64 && length - HeaderLength - saltLength >= 16;
    }
}
