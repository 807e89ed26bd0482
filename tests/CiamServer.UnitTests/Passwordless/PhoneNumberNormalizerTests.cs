using CiamServer.Passwordless.Phones;

namespace CiamServer.UnitTests.Passwordless;

[Trait("Category", "Unit")]
[Trait("Category", "Passwordless")]
public sealed class PhoneNumberNormalizerTests
{
    [Theory]
    [InlineData("(201) 555-0123", "+12015550123")]
    [InlineData("201-555-0123", "+12015550123")]
    [InlineData("+1 201 555 0123", "+12015550123")]
    [InlineData("+44 7400 123456", "+447400123456")]
    [InlineData("+447400123456", "+447400123456")]
    public void TryNormalize_ValidNumber_E164(string input, string expected)
    {
        Assert.True(PhoneNumberNormalizer.TryNormalize(input, "US", out var e164));
        Assert.Equal(expected, e164);
    }

    [Fact]
    public void TryNormalize_NationalNumberOfDefaultRegion_ReadAsThatCountry()
    {
        Assert.True(PhoneNumberNormalizer.TryNormalize("07400 123456", "GB", out var e164));
        Assert.Equal("+447400123456", e164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("call me maybe")]
    [InlineData("12")]
    // Ofcom's range for drama (07700 900000 to 900999) is not a number anyone can have.
    [InlineData("+44 7700 900123")]
    [InlineData("(201) 555-012")]
    [InlineData("+999 1234 5678")]
    [InlineData("+1 201 555 0123 0123 0123 0123 0123 0123 0123")]
    public void TryNormalize_NotAValidNumber_FalseAndEmpty(string? input)
    {
        Assert.False(PhoneNumberNormalizer.TryNormalize(input, "US", out var e164));
        Assert.Equal(string.Empty, e164);
    }

    [Theory]
    [InlineData("+12015550123", "+1••••••••23")]
    [InlineData("+447400123456", "+4•••••••••56")]
    [InlineData("+123", "+123")]
    [InlineData("+1234", "+1•34")]
    public void Masked_HidesAllButFirstTwoAndLastTwo(string e164, string expected) =>
        Assert.Equal(expected, PhoneNumberNormalizer.Masked(e164));
}
