using CiamServer.Core.Tenancy;
using CiamServer.Mfa;
using CiamServer.Mfa.Devices;
using CiamServer.Mfa.Totp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiamServer.UnitTests.Mfa;

[Trait("Category", "Unit")]
[Trait("Category", "Mfa")]
public sealed class MfaRegistrationTests
{
    [Fact]
    public void Defaults_Valid_TenantNameAsIssuerOneStepTenCodes()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<MfaOptions>>().Value;

        Assert.Null(options.Totp.Issuer);
        Assert.Equal(1, options.Totp.ClockWindowSteps);
        Assert.Equal(10, options.RecoveryCodes.Count);
    }

    [Fact]
    public void Settings_BoundFromCiamMfa()
    {
        using var provider = Build(new()
        {
            ["Ciam:Mfa:Totp:Issuer"] = "Example ID ({tenant})",
            ["Ciam:Mfa:Totp:ClockWindowSteps"] = "0",
            ["Ciam:Mfa:RecoveryCodes:Count"] = "12",
        });

        var options = provider.GetRequiredService<IOptions<MfaOptions>>().Value;

        Assert.Equal("Example ID ({tenant})", options.Totp.Issuer);
        Assert.Equal(0, options.Totp.ClockWindowSteps);
        Assert.Equal(12, options.RecoveryCodes.Count);
    }

    [Theory]
    [InlineData("Ciam:Mfa:Totp:Issuer", "Acme: Login", "Ciam:Mfa:Totp:Issuer")]
    [InlineData("Ciam:Mfa:Totp:Issuer", " ", "Ciam:Mfa:Totp:Issuer")]
    [InlineData("Ciam:Mfa:Totp:ClockWindowSteps", "4", "Ciam:Mfa:Totp:ClockWindowSteps")]
    [InlineData("Ciam:Mfa:Totp:ClockWindowSteps", "-1", "Ciam:Mfa:Totp:ClockWindowSteps")]
    [InlineData("Ciam:Mfa:RecoveryCodes:Count", "3", "Ciam:Mfa:RecoveryCodes:Count")]
    [InlineData("Ciam:Mfa:RecoveryCodes:Count", "21", "Ciam:Mfa:RecoveryCodes:Count")]
    public void BadSetting_FailsNamingIt(string key, string value, string named)
    {
        using var provider = Build(new() { [key] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MfaOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void AddCiamMfa_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddCiamMfa(configuration);
        services.AddCiamMfa(configuration);

        Assert.Single(services, s => s.ServiceType == typeof(TotpService));
        Assert.Single(services, s => s.ServiceType == typeof(RememberedDeviceService));
        Assert.Single(services, s => s.ImplementationType == typeof(MfaOptionsValidator));
    }

    [Theory]
    [InlineData(false, "__Host-ciam.device.acme", true)]
    [InlineData(true, "ciam.device.acme", false)]
    public void DeviceCookie_NamedLikeTheLoginCookies_SecureUnlessPlainHttp(bool plainHttp, string name, bool secure)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ciam:Hosting:AllowInsecureHttp"] = plainHttp.ToString() }).Build();
        var tenant = new Tenant { Slug = "acme", DisplayName = "Acme" };
        var request = new DefaultHttpContext().Request;

        var options = DeviceCookie.Options(configuration, request, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(name, DeviceCookie.Name(configuration, tenant));
        Assert.Equal(secure, options.Secure);
        Assert.True(options.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, options.SameSite);
        Assert.Equal("/", options.Path);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), options.Expires);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCiamMfa(configuration);
        return services.BuildServiceProvider();
    }
}
