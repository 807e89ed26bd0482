using CiamServer.Core.Tenancy;

namespace CiamServer.UnitTests.Core;

[Trait("Category", "Unit")]
[Trait("Category", "Tenancy")]
public sealed class TenantSlugTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("acme")]
    [InlineData("acme-eu-2")]
    [InlineData("a--b")]
    public void IsValid_WellFormedSlug_True(string slug) => Assert.True(TenantSlug.IsValid(slug));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("-")]
    [InlineData("Acme")]
    [InlineData("ACME")]
    [InlineData("acme corp")]
    [InlineData("acme_corp")]
    [InlineData("acme.corp")]
    [InlineData("acme/globex")]
    [InlineData("..")]
    [InlineData("acme\n")]
    [InlineData("ácme")]
    public void IsValid_MalformedSlug_False(string? slug) => Assert.False(TenantSlug.IsValid(slug));

    [Fact]
    public void IsValid_Length_AtMost63()
    {
        Assert.True(TenantSlug.IsValid(new string('a', TenantSlug.MaxLength)));
        Assert.False(TenantSlug.IsValid(new string('a', TenantSlug.MaxLength + 1)));
    }
}
