using System.Net;
using CiamServer.Core.Tenancy;
using CiamServer.Risk;
using CiamServer.Risk.Counters;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace CiamServer.IntegrationTests.Risk;

/// <summary>The Redis counters against the real Redis (CIAM_TEST_REDIS): counts, windows, key names, and one
/// command per read, checked with StackExchange.Redis's profiler.</summary>
[Trait("Category", "Risk")]
public sealed class RedisRiskCountersTests : IAsyncLifetime
{
    private static readonly IPAddress Address = IPAddress.Parse("198.51.100.23");
    private readonly Tenant _tenant = new() { Slug = "risk", DisplayName = "Risk" };
    private readonly RiskOptions _options = new();
    private ConnectionMultiplexer _redis = null!;
    private ProfilingSession? _profiling;

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(await TestServices.RedisAsync());
        _redis.RegisterProfiler(() => _profiling);
    }

    public async Task DisposeAsync()
    {
        var server = _redis.GetServers()[0];
        await foreach (var key in server.KeysAsync(pattern: $"ciam:{_tenant.Id:N}:*"))
        {
            await _redis.GetDatabase().KeyDeleteAsync(key);
        }

        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Read_AfterFailuresAndAttempts_ThreeCounts()
    {
        var counters = Counters();
        await counters.RecordFailureAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None);
        await counters.RecordFailureAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None);
        await counters.RecordFailureAsync("BOB@EXAMPLE.COM", Address, CancellationToken.None);
        await counters.RecordAttemptAsync("CAROL@EXAMPLE.COM", Address, CancellationToken.None);
        await counters.RecordAttemptAsync("alice@example.com", IPAddress.Parse("::ffff:198.51.100.23"), CancellationToken.None);

        Assert.Equal(new RiskCounts(2, 3, 3), await counters.ReadAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None));
        Assert.Equal(new RiskCounts(1, 3, 3), await counters.ReadAsync("BOB@EXAMPLE.COM", Address, CancellationToken.None));
        Assert.Equal(new RiskCounts(2, 0, 0), await counters.ReadAsync("ALICE@EXAMPLE.COM", IPAddress.Parse("198.51.100.24"), CancellationToken.None));
        Assert.Equal(new RiskCounts(2, 0, 0), await counters.ReadAsync("ALICE@EXAMPLE.COM", null, CancellationToken.None));
    }

    [Fact]
    public async Task Read_OneCommandOneRoundTrip()
    {
        var counters = Counters();
        await counters.RecordFailureAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None);

        _profiling = new ProfilingSession();
        var counts = await counters.ReadAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None);
        var commands = _profiling.FinishProfiling().ToList();
        _profiling = null;

        Assert.Equal(new RiskCounts(1, 1, 1), counts);
        Assert.Contains(Assert.Single(commands).Command, new[] { "EVAL", "EVALSHA" });
    }

    [Fact]
    public async Task Record_OneCommandEach()
    {
        var counters = Counters();

        _profiling = new ProfilingSession();
        await counters.RecordFailureAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None);
        await counters.RecordAttemptAsync("BOB@EXAMPLE.COM", Address, CancellationToken.None);
        var commands = _profiling.FinishProfiling().ToList();
        _profiling = null;

        Assert.Equal(2, commands.Count);
    }

    [Fact]
    public async Task Keys_TenantPrefixedWithWindows()
    {
        _options.FailedAttempts.Window = TimeSpan.FromMinutes(10);
        _options.ManyAccounts.Window = TimeSpan.FromMinutes(30);
        await Counters().RecordFailureAsync("alice@example.com", Address, CancellationToken.None);
        var db = _redis.GetDatabase();
        var prefix = $"ciam:{_tenant.Id:N}:risk:";

        Assert.InRange((await db.KeyTimeToLiveAsync(prefix + "fail:acct:ALICE@EXAMPLE.COM"))!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.InRange((await db.KeyTimeToLiveAsync(prefix + "fail:ip:198.51.100.23"))!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.InRange((await db.KeyTimeToLiveAsync(prefix + "names:ip:198.51.100.23"))!.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        Assert.Equal(1, await db.HyperLogLogLengthAsync(prefix + "names:ip:198.51.100.23"));
    }

    [Fact]
    public async Task Window_Elapsed_CountsGone()
    {
        _options.FailedAttempts.Window = TimeSpan.FromMilliseconds(300);
        _options.ManyAccounts.Window = TimeSpan.FromMilliseconds(300);
        var counters = Counters();
        await counters.RecordFailureAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None);
        Assert.Equal(new RiskCounts(1, 1, 1), await counters.ReadAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None));

        await Task.Delay(TimeSpan.FromMilliseconds(600));

        Assert.Equal(new RiskCounts(0, 0, 0), await counters.ReadAsync("ALICE@EXAMPLE.COM", Address, CancellationToken.None));
    }

    [Fact]
    public async Task ManyNames_HyperLogLogCountsDistinctClosely()
    {
        var counters = Counters();
        for (var i = 0; i < 300; i++)
        {
            await counters.RecordAttemptAsync($"USER{i % 150}@EXAMPLE.COM", Address, CancellationToken.None);
        }

        var counts = await counters.ReadAsync("NOBODY@EXAMPLE.COM", Address, CancellationToken.None);

        Assert.InRange(counts.AddressAccounts, 147, 153);
        Assert.Equal(0, counts.AddressFailures);
    }

    private RedisRiskCounters Counters()
    {
        var tenants = new TenantContext();
        tenants.Set(_tenant);
        return new RedisRiskCounters(_redis, tenants, Options.Create(_options));
    }
}
