using QRCoder;

namespace CiamServer.Mfa.Totp;

/// <summary>QR codes as SVG: no image library, and a data: URI fits the pages' CSP (img-src allows data:)
/// without any inline markup or script.</summary>
internal static class QrCodes
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        // Level M (15% redundancy) keeps an otpauth URI small enough to scan from a phone held to a laptop screen.
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
