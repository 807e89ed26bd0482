using System.Text;
using CiamServer.Mfa.Totp;

namespace CiamServer.UnitTests.Mfa;

[Trait("Category", "Unit")]
[Trait("Category", "Mfa")]
public sealed class TotpEnrolmentTests
{
    [Fact]
    public void OtpAuthUri_IssuerInLabelAndParameter_Escaped()
    {
        var uri = OtpAuthUri.For("Acme Corp", "alice+mfa@example.com", "JBSWY3DPEHPK3PXP");

        Assert.Equal("otpauth://totp/Acme%20Corp:alice%2Bmfa%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30", uri);
    }

    [Fact]
    public void OtpAuthUri_ColonsInNames_DoNotMoveTheLabelSplit()
    {
        var uri = new Uri(OtpAuthUri.For("Evil: Corp", "a:b", "JBSWY3DPEHPK3PXP"));

        Assert.Equal("/Evil%20%20Corp:a%20b", uri.AbsolutePath);
    }

    [Fact]
    public void QrCode_IsAnSvgDocument()
    {
        var svg = QrCodes.Svg(OtpAuthUri.For("Acme", "alice@example.com", TotpMath.NewSecret()));

        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Enrolment_DataUriAndGroupedSecret_ToStringHidesTheSecret()
    {
        var enrolment = new TotpEnrolment("JBSWY3DPEHPK3PXP", "otpauth://totp/x", "<svg></svg>");

        Assert.Equal("JBSW Y3DP EHPK 3PXP", enrolment.GroupedSecret);
        Assert.Equal("data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("<svg></svg>")), enrolment.QrCodeDataUri);
        Assert.DoesNotContain("JBSWY3DPEHPK3PXP", enrolment.ToString(), StringComparison.Ordinal);
    }
}
