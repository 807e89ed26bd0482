using System.Security.Cryptography;
using OtpNet;

namespace CiamServer.Mfa.Totp;

/// <summary>RFC 6238 with the parameters every authenticator app supports: HMAC-SHA-1, 6 digits, 30-second steps.
/// Otp.NET does the HMAC truncation and the window; this class only fixes the parameters and the input rules.</summary>
internal static class TotpMath
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>160 random bits (RFC 4226's recommended key length, the HMAC-SHA-1 block size), base32 without padding.</summary>
    public static string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code as typed, without spaces or dashes ("123 456"); null unless it is then exactly six ASCII digits.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null || code.Length > 20)
        {
            return null;
        }

        var digits = new string([.. code.Where(c => c is not (' ' or '-' or '\t'))]);
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The step whose code <paramref name="code"/> is, within <paramref name="windowSteps"/> steps either side
    /// of <paramref name="now"/>; null when none matches. Otp.NET compares in constant time.</summary>
    public static long? MatchingStep(string base32Secret, string code, DateTimeOffset now, int windowSteps)
    {
        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(base32Secret), StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(windowSteps, windowSteps)) ? step : null;
    }

    /// <summary>The secret in groups of four ("ABCD EFGH ..."), for typing it into an app by hand.</summary>
    public static string Grouped(string base32Secret) =>
        string.Join(' ', base32Secret.Chunk(4).Select(group => new string(group)));
}
