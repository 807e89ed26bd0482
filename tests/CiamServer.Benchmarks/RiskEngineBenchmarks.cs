using System.Net;
using BenchmarkDotNet.Attributes;
using CiamServer.Core.Geo;
using CiamServer.Core.Tenancy;
using CiamServer.Risk;
using CiamServer.Risk.Counters;
using CiamServer.Risk.Engine;
using CiamServer.Risk.Geo;
using CiamServer.Risk.Networks;
using CiamServer.Risk.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CiamServer.Benchmarks;

/// <summary>The CPU cost of one risk assessment, I/O left out: 20 past sign-ins in memory, the in-memory
/// counters, places from configured networks, a deny list and a 2,000-entry anonymiser list. The attempt comes
/// from another continent on a new device, so every signal has work to do. Goal: under 1 ms.</summary>
[MemoryDiagnoser]
public class RiskEngineBenchmarks
{
    private readonly DateTimeOffset _now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private string _anonymizerFile = null!;
    private RiskEngine _engine = null!;
    private SignInContext _attempt = null!;
    private RiskInputs _inputs = null!;
    private IRiskSignal[] _signals = null!;
    private TenantRiskPolicy _policy = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _anonymizerFile = Path.GetTempFileName();
        await File.WriteAllLinesAsync(_anonymizerFile, Enumerable.Range(0, 2000).Select(i => $"100.64.{i / 256}.{i % 256}"));
        var settings = new RiskOptions { AnonymizerListPath = _anonymizerFile };
        settings.DenyList.Add("192.0.2.0/24");
        settings.DenyList.Add("2001:db8:bad::/48");
        settings.Networks.Add(new RiskNetworkOptions { Cidr = "198.51.100.0/24", Country = "FR", Latitude = 48.8566, Longitude = 2.3522 });
        settings.Networks.Add(new RiskNetworkOptions { Cidr = "10.0.0.0/8", Country = "GB", Latitude = 51.5074, Longitude = -0.1278 });
        settings.Networks.Add(new RiskNetworkOptions { Cidr = "203.0.113.0/24", Country = "US", Latitude = 40.7128, Longitude = -74.006 });
        var options = Options.Create(settings);

        var tenants = new FixedTenant(new Tenant { Slug = "acme", DisplayName = "Acme" });
        var counters = new MemoryRiskCounters(new MemoryRiskCounterStore(TimeProvider.System), tenants, options);
        var address = IPAddress.Parse("203.0.113.9");
        for (var i = 0; i < 4; i++)
        {
            await counters.RecordFailureAsync("ALICE@EXAMPLE.COM", address, CancellationToken.None);
        }

        _signals =
        [
            new DenyListSignal(options), new AnonymizerSignal(options), new NewDeviceSignal(options), new NewLocationSignal(options),
            new ImpossibleTravelSignal(options), new AccountFailuresSignal(options), new AddressFailuresSignal(options),
            new ManyAccountsSignal(options), new UnusualHourSignal(options),
        ];
        _policy = tenants.Required.Risk;
        _engine = new RiskEngine(new MemoryHistory(History()), counters, new RiskGeo(options, Options.Create(new GeoOptions())),
            new RiskAddressLists(options), _signals, tenants, options, NullLogger<RiskEngine>.Instance);
        _attempt = new SignInContext(Guid.NewGuid(), "ALICE@EXAMPLE.COM", address, "Mozilla/5.0", new string('b', 64), _now);
        _inputs = (await _engine.AssessAsync(_attempt, CancellationToken.None)).Inputs;
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_anonymizerFile);

    [Benchmark(Description = "AssessAsync (20 past sign-ins, memory counters, configured networks)")]
    public Task<RiskAssessment> Assess() => _engine.AssessAsync(_attempt, CancellationToken.None);

    [Benchmark(Description = "Signals only, on precomputed inputs (a replay)")]
    public RiskAssessment Replay() => RiskEngine.Evaluate(_inputs, _signals, _policy);

    /// <summary>Twenty sign-ins over the last three weeks from Paris and London, two devices, mornings.</summary>
    private List<PastSignIn> History() =>
    [
        .. Enumerable.Range(1, 20).Select(i => new PastSignIn(
            _now - TimeSpan.FromDays(i) - TimeSpan.FromMinutes(i * 7),
            new string(i % 3 == 0 ? 'c' : 'a', 64),
            i % 4 == 0 ? "GB" : "FR",
            i % 4 == 0 ? 51.5074 : 48.8566,
            i % 4 == 0 ? -0.1278 : 2.3522,
            i % 4 == 0 ? $"10.1.{i}.1" : $"198.51.100.{i}")),
    ];

    private sealed class MemoryHistory(List<PastSignIn> signIns) : ISignInHistory
    {
        private readonly Task<IReadOnlyList<PastSignIn>> _result = Task.FromResult<IReadOnlyList<PastSignIn>>(signIns);

        public Task<IReadOnlyList<PastSignIn>> RecentSuccessfulAsync(Guid userId, int count, CancellationToken ct) => _result;
    }

    private sealed class FixedTenant(Tenant tenant) : ITenantContext
    {
        public Tenant? Tenant => tenant;

        public Tenant Required => tenant;

        public void Set(Tenant tenant) => throw new NotSupportedException();
    }
}
