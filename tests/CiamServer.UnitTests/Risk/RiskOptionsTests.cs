using CiamServer.Risk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiamServer.UnitTests.Risk;

[Trait("Category", "Unit")]
[Trait("Category", "Risk")]
public sealed class RiskOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciam-risk-options-").FullName;

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new RiskOptionsValidator().Validate(null, new RiskOptions()).Succeeded);

    [Fact]
    public void Validate_BadValues_EachNamesItsKey()
    {
        var options = new RiskOptions { HistorySize = 0, DenyListPoints = 101, GeoDatabasePath = Path.Combine(_folder, "missing.mmdb") };
        options.NewDevice.Points = -1;
        options.ImpossibleTravel.MaxSpeedKmh = 0;
        options.FailedAttempts.Window = TimeSpan.Zero;
        options.ManyAccounts.Threshold = 1;
        options.UnusualHour.ToleranceHours = 12;
        options.DenyList.Add("203.0.113.0/24");
        options.DenyList.Add("nonsense");
        options.Networks.Add(new RiskNetworkOptions { Cidr = "10.0.0.0/40", Country = "France", Latitude = 91 });

        var failures = new RiskOptionsValidator().Validate(null, options).Failures!.ToList();

        string[] keys =
        [
            "Ciam:Risk:HistorySize", "Ciam:Risk:DenyListPoints", "Ciam:Risk:NewDevice:Points", "Ciam:Risk:ImpossibleTravel:MaxSpeedKmh",
            "Ciam:Risk:FailedAttempts:Window", "Ciam:Risk:ManyAccounts:Threshold", "Ciam:Risk:UnusualHour:ToleranceHours",
            "Ciam:Risk:UnusualHour:MinimumHistory", "Ciam:Risk:GeoDatabasePath", "Ciam:Risk:DenyList:1 (\"nonsense\")",
            "Ciam:Risk:Networks:0:Cidr", "Ciam:Risk:Networks:0:Country", "Ciam:Risk:Networks:0: set both", "Ciam:Risk:Networks:0:Latitude",
        ];
        foreach (var key in keys)
        {
            Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }

        Assert.Equal(keys.Length, failures.Count);
    }

    [Fact]
    public void Validate_AnonymizerFile_BadLinesNamedGoodFileAccepted()
    {
        var good = Path.Combine(_folder, "tor.txt");
        File.WriteAllLines(good, ["# Tor exit nodes", "", "192.0.2.7", "198.51.100.0/24  # a proxy range", "2001:db8::5"]);
        var bad = Path.Combine(_folder, "bad.txt");
        File.WriteAllLines(bad, ["# header", "192.0.2.7", "192.0.2.999", "ok? no"]);

        Assert.True(new RiskOptionsValidator().Validate(null, new RiskOptions { AnonymizerListPath = good }).Succeeded);
        var failure = Assert.Single(new RiskOptionsValidator().Validate(null, new RiskOptions { AnonymizerListPath = bad }).Failures!);
        Assert.Equal("Ciam:Risk:AnonymizerListPath: not a CIDR or an IP address on line(s) 3, 4.", failure);
        Assert.Contains("does not exist",
            Assert.Single(new RiskOptionsValidator().Validate(null, new RiskOptions { AnonymizerListPath = good + ".gone" }).Failures!),
            StringComparison.Ordinal);
    }

    [Fact]
    public void AddCiamRisk_Configuration_BoundWithListsAndSubOptions()
    {
        using var provider = Services(new()
        {
            ["Ciam:Risk:HistorySize"] = "30",
            ["Ciam:Risk:DenyList:0"] = "192.0.2.0/24",
            ["Ciam:Risk:Networks:0:Cidr"] = "10.0.0.0/8",
            ["Ciam:Risk:Networks:0:Country"] = "GB",
            ["Ciam:Risk:Networks:0:Latitude"] = "51.5",
            ["Ciam:Risk:Networks:0:Longitude"] = "-0.12",
            ["Ciam:Risk:ImpossibleTravel:MaxSpeedKmh"] = "1000",
            ["Ciam:Risk:FailedAttempts:Window"] = "00:30:00",
        });

        var options = provider.GetRequiredService<IOptions<RiskOptions>>().Value;

        Assert.Equal(30, options.HistorySize);
        Assert.Equal("192.0.2.0/24", Assert.Single(options.DenyList));
        var network = Assert.Single(options.Networks);
        Assert.Equal(("10.0.0.0/8", "GB", 51.5, -0.12), (network.Cidr, network.Country, network.Latitude!.Value, network.Longitude!.Value));
        Assert.Equal(1000, options.ImpossibleTravel.MaxSpeedKmh);
        Assert.Equal(TimeSpan.FromMinutes(30), options.FailedAttempts.Window);
        Assert.Equal(20, options.NewDevice.Points);
    }

    [Fact]
    public void AddCiamRisk_InvalidConfiguration_ThrowsNamingKey()
    {
        using var provider = Services(new() { ["Ciam:Risk:ManyAccounts:Points"] = "500" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RiskOptions>>().Value);
        Assert.Contains("Ciam:Risk:ManyAccounts:Points must be 0 to 100", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCiamRisk_NoRedis_EngineOnMemoryCountersAndDatabaseHistory()
    {
        using var provider = Services([]);
        using var scope = provider.CreateScope();

        Assert.IsType<CiamServer.Risk.Engine.RiskEngine>(scope.ServiceProvider.GetRequiredService<IRiskEngine>());
        Assert.IsType<CiamServer.Risk.Counters.MemoryRiskCounters>(scope.ServiceProvider.GetRequiredService<IRiskCounters>());
        Assert.IsType<CiamServer.Risk.History.DatabaseSignInHistory>(scope.ServiceProvider.GetRequiredService<ISignInHistory>());
        Assert.Equal(9, scope.ServiceProvider.GetServices<CiamServer.Risk.Signals.IRiskSignal>().Count());
    }

    [Fact]
    public void AddCiamRisk_CalledTwiceAndHostHistoryFirst_OneSetKeepsHostHistory()
    {
        var configuration = Configuration([]);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddScoped<ISignInHistory, FakeSignInHistory>();
        services.AddCiamRisk(configuration).AddCiamRisk(configuration);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        Assert.IsType<FakeSignInHistory>(scope.ServiceProvider.GetRequiredService<ISignInHistory>());
        Assert.Equal(9, scope.ServiceProvider.GetServices<CiamServer.Risk.Signals.IRiskSignal>().Count());
        Assert.Single(services, s => s.ServiceType == typeof(IRiskEngine));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = Configuration(settings);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddCiamRisk(configuration);
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings)
    {
        settings["Ciam:Database:Provider"] = "Sqlite";
        settings["Ciam:Database:ConnectionString"] = "Data Source=:memory:";
        settings["Ciam:DataProtection:AllowUnencryptedKeys"] = "true";
        settings["Ciam:Email:PickupDirectory"] = Path.GetTempPath();
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
