using CiamServer.Core.Tenancy;
using CiamServer.Login.Pages.Shared;

namespace CiamServer.UnitTests.Login;

[Trait("Category", "Unit")]
[Trait("Category", "Login")]
public sealed class BrandingTests
{
    [Theory]
    [InlineData("#fff")]
    [InlineData("#2f5bd3")]
    [InlineData("#ABCDEF")]
    public void IsColor_HexColour_True(string value) => Assert.True(Branding.IsColor(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#1234567")]
    [InlineData("#123456\n")]
    [InlineData("#123456; } body { display: none")]
    [InlineData("#123456</style><script>alert(1)</script>")]
    public void IsColor_AnythingElse_False(string? value) => Assert.False(Branding.IsColor(value));

    [Fact]
    public void For_TenantWithUnsafeValues_FallsBackToSafeOnes()
    {
        var tenant = new Tenant
        {
            Slug = "acme",
            DisplayName = "Acme",
            Branding = { PrimaryColor = "red;}</style>", LogoUrl = "http://insecure.example/logo.png" },
        };

        var branding = Branding.For(tenant);

        Assert.Equal(TenantBranding.DefaultPrimaryColor, branding.PrimaryColor);
        Assert.Null(branding.LogoUrl);
        Assert.Equal("Acme", branding.Name);
    }
}
