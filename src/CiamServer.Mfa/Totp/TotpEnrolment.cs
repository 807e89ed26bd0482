namespace CiamServer.Mfa.Totp;

/// <summary>What the user needs to add the account to an authenticator app: the secret (to type), the otpauth://
/// URI and its QR code (to scan). Shown to the user only; <see cref="ToString"/> keeps the secret out of logs.</summary>
public sealed record TotpEnrolment(string Secret, string OtpAuthUri, string QrCodeSvg)
{
    /// <summary>The secret in groups of four characters, for typing.</summary>
    public string GroupedSecret => TotpMath.Grouped(Secret);

    /// <summary>The QR code as a <c>data:image/svg+xml</c> URI for an <c>img</c> element.</summary>
    public string QrCodeDataUri => "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(QrCodeSvg));

    public override string ToString() => "TotpEnrolment { Secret = [redacted] }";
}
