namespace CiamServer.Mfa.Totp;

/// <summary>The <c>otpauth://totp/</c> URI of Google Authenticator's key URI format, which every authenticator app reads
/// from the QR code: label "Issuer:account", and the issuer again as a parameter (apps that predate it read the label).</summary>
internal static class OtpAuthUri
{
    public static string For(string issuer, string account, string base32Secret)
    {
        // A colon in either part would move the split between issuer and account.
        var cleanIssuer = issuer.Replace(':', ' ').Trim();
        var cleanAccount = account.Replace(':', ' ').Trim();
        var escapedIssuer = Uri.EscapeDataString(cleanIssuer);
        return $"otpauth://totp/{escapedIssuer}:{Uri.EscapeDataString(cleanAccount)}?secret={base32Secret}&issuer={escapedIssuer}" +
            $"&algorithm=SHA1&digits={TotpMath.Digits}&period={TotpMath.StepSeconds}";
    }
}
