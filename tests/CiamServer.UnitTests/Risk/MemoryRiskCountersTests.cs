using System.Net;
using CiamServer.Core.Tenancy;
using CiamServer.Risk;
using CiamServer.Risk.Counters;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CiamServer.UnitTests.Risk;

[Trait("Category", "Unit")]
[Trait("Category", "Risk")]
public sealed class MemoryRiskCountersTests
{
    private static readonly IPAddress Address = IPAddress.Parse("192.0.2.1");
    private static readonly Guid AcmeId = Guid.NewGuid();
    private static readonly Guid GlobexId = Guid.NewGuid();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryRiskCounterStore _store;
    private readonly RiskOptions _options = new();

    public MemoryRiskCountersTests() => _store = new MemoryRiskCounterStore(_clock);

    [Fact]
    public async Task RecordFailure_CountsNameAddressAndDistinctNames()
    {
        var counters = Counters("acme");

        await counters.RecordFailureAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None);
        await counters.RecordFailureAsync("alice@example.com", Address, CancellationToken.None);
        await counters.RecordFailureAsync("BOB@EXAMPLE.COM", Address, CancellationToken.None);
        await counters.RecordAttemptAsync("CAROL@EXAMPLE.COM", Address, CancellationToken.None);

        Assert.Equal(new RiskCounts(2, 3, 3), await counters.ReadAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None));
        Assert.Equal(new RiskCounts(0, 3, 3), await counters.ReadAsync("CAROL@EXAMPLE.COM", IPAddress.Parse("::ffff:192.0.2.1"), CancellationToken.None));
        Assert.Equal(new RiskCounts(2, 0, 0), await counters.ReadAsync("ALICE@EXAMPLE.COM", IPAddress.Parse("192.0.2.2"), CancellationToken.None));
    }

    [Fact]
    public async Task Read_AfterWindow_Zero()
    {
        _options.FailedAttempts.Window = TimeSpan.FromMinutes(10);
        _options.ManyAccounts.Window = TimeSpan.FromMinutes(30);
        var counters = Counters("acme");
        await counters.RecordFailureAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(9));
        await counters.RecordFailureAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None);
        Assert.Equal(new RiskCounts(2, 2, 1), await counters.ReadAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None));

        // The window runs from the first failure, not the latest.
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new RiskCounts(0, 0, 1), await counters.ReadAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(new RiskCounts(0, 0, 0), await counters.ReadAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None));
    }

    [Fact]
    public async Task Counters_OtherTenant_SeparateCounts()
    {
        await Counters("acme").RecordFailureAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None);

        Assert.Equal(new RiskCounts(0, 0, 0), await Counters("globex").ReadAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None));
    }

    [Fact]
    public async Task NoAddress_OnlyTheNameCounts()
    {
        var counters = Counters("acme");

        await counters.RecordFailureAsync("ALICE@EXAMPLE.COM", null, CancellationToken.None);
        await counters.RecordAttemptAsync("ALICE@EXAMPLE.COM", null, CancellationToken.None);

        Assert.Equal(new RiskCounts(1, 0, 0), await counters.ReadAsync("ALICE@EXAMPLE.COM", null, CancellationToken.None));
    }

    [Fact]
    public async Task ManyExpiredKeys_SweptAway()
    {
        var counters = Counters("acme");
        for (var i = 0; i < 1100; i++)
        {
            await counters.RecordFailureAsync($"USER{i}@EXAMPLE.COM", null, CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        // Each name started its own window; those older than an hour were dropped on the sweep.
        Assert.InRange(_store.EntryCount, 400, 480);
    }

    private MemoryRiskCounters Counters(string tenant)
    {
        var tenants = new TenantContext();
        tenants.Set(new Tenant { Id = StableId(tenant), Slug = tenant, DisplayName = tenant });
        return new MemoryRiskCounters(_store, tenants, MsOptions.Create(_options));
    }

    private static Guid StableId(string slug) => slug == "acme" ? AcmeId : GlobexId;
}
