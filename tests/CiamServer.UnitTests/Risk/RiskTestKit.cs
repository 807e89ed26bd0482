using System.Net;
using CiamServer.Core.Geo;
using CiamServer.Core.Tenancy;
using CiamServer.Risk;
using CiamServer.Risk.Engine;
using CiamServer.Risk.Geo;
using CiamServer.Risk.Networks;
using CiamServer.Risk.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CiamServer.UnitTests.Risk;

/// <summary>An engine on fakes: history in a list, counters set by the test, places from configured networks,
/// a clock the test moves. Addresses: documentation ranges placed in Paris, New York, Tokyo and London.</summary>
internal sealed class RiskTestKit
{
    public const string Paris = "198.51.100.10";
    public const string ParisOtherNetwork = "198.51.101.10";
    public const string NewYork = "203.0.113.20";
    public const string Tokyo = "192.0.2.30";
    public const string London = "10.20.30.40";
    public const string Unplaced = "100.64.0.1";

    public RiskTestKit()
    {
        Tenants.Set(new Tenant { Slug = "acme", DisplayName = "Acme" });
        Network("198.51.100.0/23", "FR", 48.8566, 2.3522);
        Network("203.0.113.0/24", "US", 40.7128, -74.0060);
        Network("192.0.2.0/24", "JP", 35.6762, 139.6503);
        Network("10.0.0.0/8", "GB", 51.5074, -0.1278);
    }

    public Guid UserId { get; } = Guid.NewGuid();

    public RiskOptions Options { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    public FakeSignInHistory History { get; } = new();

    public FakeRiskCounters Counters { get; } = new();

    public TenantContext Tenants { get; } = new();

    public RiskEngine Engine(ITenantContext? tenants = null) => new(History, Counters, Geo(), new RiskAddressLists(MsOptions.Create(Options)),
        Signals(Options), tenants ?? Tenants, MsOptions.Create(Options), NullLogger<RiskEngine>.Instance);

    public RiskGeo Geo() => new(MsOptions.Create(Options), MsOptions.Create(new GeoOptions()));

    public static IRiskSignal[] Signals(RiskOptions options)
    {
        var o = MsOptions.Create(options);
        return
        [
            new DenyListSignal(o), new AnonymizerSignal(o), new NewDeviceSignal(o), new NewLocationSignal(o), new ImpossibleTravelSignal(o),
            new AccountFailuresSignal(o), new AddressFailuresSignal(o), new ManyAccountsSignal(o), new UnusualHourSignal(o),
        ];
    }

    public void Network(string cidr, string country, double latitude, double longitude) =>
        Options.Networks.Add(new RiskNetworkOptions { Cidr = cidr, Country = country, Latitude = latitude, Longitude = longitude });

    /// <summary>A successful sign-in <paramref name="ago"/> before now, placed as the engine would have placed it.</summary>
    public void SignedIn(string ip, string? device, TimeSpan ago)
    {
        var location = Geo().Locate(IPAddress.Parse(ip));
        History.Add(new PastSignIn(Clock.GetUtcNow() - ago, device, location?.Country, location?.Latitude, location?.Longitude, ip));
    }

    public SignInContext Attempt(string? ip, string? device = "device-a", bool knownUser = true) =>
        new(knownUser ? UserId : null, "ALICE@EXAMPLE.COM", ip is null ? null : IPAddress.Parse(ip), "Mozilla/5.0", device, Clock.GetUtcNow());

    public Task<RiskAssessment> AssessAsync(string? ip, string? device = "device-a", bool knownUser = true) =>
        Engine().AssessAsync(Attempt(ip, device, knownUser), CancellationToken.None);
}

internal sealed class FakeSignInHistory : ISignInHistory
{
    private readonly List<PastSignIn> _signIns = [];

    public int Reads { get; private set; }

    public void Add(PastSignIn signIn) => _signIns.Add(signIn);

    public Task<IReadOnlyList<PastSignIn>> RecentSuccessfulAsync(Guid userId, int count, CancellationToken ct)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<PastSignIn>>([.. _signIns.OrderByDescending(s => s.At).Take(count)]);
    }
}

internal sealed class FakeRiskCounters : IRiskCounters
{
    public RiskCounts Counts { get; set; } = new(0, 0, 0);

    public List<(string Account, IPAddress? Address)> Reads { get; } = [];

    public Task<RiskCounts> ReadAsync(string accountName, IPAddress? address, CancellationToken cancellationToken)
    {
        Reads.Add((accountName, address));
        return Task.FromResult(Counts);
    }

    public Task RecordFailureAsync(string accountName, IPAddress? address, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordAttemptAsync(string accountName, IPAddress? address, CancellationToken cancellationToken) => Task.CompletedTask;
}
