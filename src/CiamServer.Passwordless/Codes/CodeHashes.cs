using System.Security.Cryptography;
using System.Text;

namespace CiamServer.Passwordless.Codes;

/// <summary>Hashes of codes, link tokens and browser bindings, so the database never holds a usable secret.</summary>
internal static class CodeHashes
{
    /// <summary>A 6-digit code has little entropy, so the row id is mixed in: one table of hashes cannot
    /// serve every row. What protects a code is its 10-minute life and 5 tries, not the hash.</summary>
    public static string OfCode(Guid rowId, string code) => Hex($"{rowId:N}:{code}");

    /// <summary>Link tokens and browser secrets are 256-bit random values: a plain SHA-256 is enough.</summary>
    public static string OfSecret(string secret) => Hex(secret);

    public static bool Matches(string expectedHash, string actualHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHash), Encoding.ASCII.GetBytes(actualHash));

    /// <summary>A 6-digit code from the CSPRNG, uniformly distributed.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
