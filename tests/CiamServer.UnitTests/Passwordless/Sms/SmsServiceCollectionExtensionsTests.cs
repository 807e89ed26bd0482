using CiamServer.Passwordless.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CiamServer.UnitTests.Passwordless.Sms;

[Trait("Category", "Unit")]
[Trait("Category", "Passwordless")]
public sealed class SmsServiceCollectionExtensionsTests : IDisposable
{
    private const string Twilio = "Ciam:Passwordless:Sms:Twilio:";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddCiamSms_NothingConfigured_SenderNotConfiguredAndRefuses()
    {
        using var provider = Build([]);

        var sender = provider.GetRequiredService<ISmsSender>();

        Assert.False(sender.IsConfigured);
        Assert.IsType<NoSmsTransport>(provider.GetRequiredService<ISmsTransport>());
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            sender.SendAsync(new SmsMessage("+12015550123", "code"), CancellationToken.None));
    }

    [Fact]
    public void AddCiamSms_PickupDirectory_ConfiguredWithPickupTransport()
    {
        using var provider = Build(new() { ["Ciam:Passwordless:Sms:PickupDirectory"] = _folder.Path });

        Assert.True(provider.GetRequiredService<ISmsSender>().IsConfigured);
        Assert.IsType<PickupDirectorySmsTransport>(provider.GetRequiredService<ISmsTransport>());
    }

    [Fact]
    public void AddCiamSms_Twilio_ConfiguredWithTwilioTransport()
    {
        using var provider = Build(new()
        {
            [Twilio + "AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            [Twilio + "AuthToken"] = "token",
            [Twilio + "From"] = "+12015550100",
        });

        Assert.True(provider.GetRequiredService<ISmsSender>().IsConfigured);
        Assert.IsType<TwilioSmsTransport>(provider.GetRequiredService<ISmsTransport>());
    }

    [Fact]
    public void AddCiamSms_HalfConfiguredTwilio_OptionsFailNamingTheSetting()
    {
        using var provider = Build(new() { [Twilio + "AccountSid"] = "AC0123456789abcdef0123456789abcdef" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmsOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains(Twilio + "AuthToken", StringComparison.Ordinal));
    }

    [Fact]
    public void AddCiamSms_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddCiamSms();
        services.AddCiamSms();

        Assert.Single(services, s => s.ServiceType == typeof(ISmsSender));
        Assert.Single(services, s => s.ServiceType == typeof(QueuedSmsSender));
        Assert.Single(services, s => s.ImplementationType == typeof(SmsDeliveryService));
        Assert.Single(services, s => s.ImplementationType == typeof(SmsOptionsValidator));
    }

    [Fact]
    public async Task AddCiamSms_PickupDirectory_QueuedMessageWrittenByTheBackgroundService()
    {
        using var provider = Build(new() { ["Ciam:Passwordless:Sms:PickupDirectory"] = _folder.Path });
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        await provider.GetRequiredService<ISmsSender>().SendAsync(new SmsMessage("+12015550123", "Your code is 123456"), CancellationToken.None);

        await Waiting.UntilAsync(() => provider.GetRequiredService<QueuedSmsSender>().Pending == 0);
        Assert.Equal("To: +12015550123\n\nYour code is 123456", await File.ReadAllTextAsync(Assert.Single(_folder.TextFiles())));
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddCiamSms();
        return services.BuildServiceProvider();
    }
}
