using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Login;
using CiamServer.Login.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CiamServer.UnitTests.Login;

[Trait("Category", "Unit")]
[Trait("Category", "Login")]
public sealed class TenantPasswordValidatorTests
{
    private static readonly CommonPasswordList CommonPasswords = new();

    private static readonly IStringLocalizer<LoginText> Text = new StringLocalizer<LoginText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Theory]
    [InlineData("abcdefgh")]
    [InlineData("alllowercaseletters")]
    [InlineData("        x")]
    [InlineData("correct horse battery staple")]
    [InlineData("ünïcödé pässwörd")]
    public async Task Validate_LongEnoughWithoutCompositionRules_Accepted(string password) =>
        Assert.True((await ValidateAsync(password)).Succeeded);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("abcdefg")]
    public async Task Validate_ShorterThanEight_RefusedTooShort(string? password) =>
        Assert.Equal("PasswordTooShort", Assert.Single((await ValidateAsync(password)).Errors).Code);

    [Fact]
    public async Task Validate_TenantMinimum_Applied()
    {
        var result = await ValidateAsync("fourteen chars", minLength: 15);

        Assert.Equal("Use at least 15 characters.", Assert.Single(result.Errors).Description);
        Assert.True((await ValidateAsync("fifteen chars!!", minLength: 15)).Succeeded);
    }

    [Fact]
    public async Task Validate_TenantMinimumBelowEight_EightStillRequired() =>
        Assert.Equal("PasswordTooShort", Assert.Single((await ValidateAsync("abcdefg", minLength: 4)).Errors).Code);

    [Fact]
    public async Task Validate_Length256Accepted257Refused()
    {
        Assert.True((await ValidateAsync(new string('x', 255) + "y")).Succeeded);
        Assert.Equal("PasswordTooLong", Assert.Single((await ValidateAsync(new string('x', 256) + "y")).Errors).Code);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("password1")]
    [InlineData("Password1")]
    [InlineData("12345678")]
    [InlineData("QWERTYUIOP")]
    public async Task Validate_OnBreachedList_Refused(string password) =>
        Assert.Equal("PasswordTooCommon", Assert.Single((await ValidateAsync(password)).Errors).Code);

    [Theory]
    [InlineData("someone.long@example.com")]
    [InlineData("SOMEONE.LONG@EXAMPLE.COM")]
    [InlineData("someone.long")]
    public async Task Validate_EqualToEmailOrItsName_Refused(string password) =>
        Assert.Equal("PasswordTooCommon", Assert.Single((await ValidateAsync(password, email: "someone.long@example.com")).Errors).Code);

    private static Task<IdentityResult> ValidateAsync(string? password, int minLength = 8, string email = "user@example.com")
    {
        var tenants = new TenantContext();
        tenants.Set(new Tenant { Slug = "acme", DisplayName = "Acme", PasswordPolicy = { MinLength = minLength } });
        var validator = new TenantPasswordValidator(tenants, CommonPasswords, Text);
        return validator.ValidateAsync(null!, new CiamUser { Email = email, UserName = email }, password);
    }
}
