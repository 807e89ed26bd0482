using System.Security.Cryptography;
using System.Text;

namespace CiamServer.Mfa.RecoveryCodes;

/// <summary>Recovery codes: 10 characters from 32 that cannot be confused (no 0/O, 1/I), so 50 random bits,
/// shown as <c>ABCDE-FGHJK</c>. Typed back in any case, with or without the dash or spaces.</summary>
internal static class RecoveryCodeFormat
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 10;

    /// <summary>Longer input is refused before it is looked at.</summary>
    public const int MaxInputLength = 64;

    public static string NewCode()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        return $"{code[..5]}-{code[5..]}";
    }

    /// <summary>The code without dashes and white space, upper-cased; null when it cannot be a recovery code.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > MaxInputLength)
        {
            return null;
        }

        var code = new string([.. input.Where(c => c != '-' && !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    /// <summary>SHA-256 of the user id and the normalised code: 50 random bits need no slow hash, and the user id
    /// keeps one precomputed table from serving every user.</summary>
    public static string Hash(Guid userId, string normalizedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{normalizedCode}")));
}
