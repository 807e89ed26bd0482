using CiamServer.Core.Tenancy;
using CiamServer.Core.Throttling;
using CiamServer.Login;
using CiamServer.Login.Throttling;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CiamServer.UnitTests.Login;

[Trait("Category", "Unit")]
[Trait("Category", "Login")]
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 15)]
    [InlineData(5, 15)]
    [InlineData(20, 15)]
    [InlineData(1_000_000, 15)]
    public void PauseFor_FailuresOverLimit_DoublesUpToCap(long failuresOverLimit, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), Throttle(new ThrottlingOptions()).PauseFor(failuresOverLimit));

    [Fact]
    public void PauseFor_CustomDelays_FollowsThem()
    {
        var options = new ThrottlingOptions { FirstDelay = TimeSpan.FromSeconds(10), MaximumDelay = TimeSpan.FromSeconds(45) };
        var throttle = Throttle(options);

        Assert.Equal(TimeSpan.FromSeconds(10), throttle.PauseFor(0));
        Assert.Equal(TimeSpan.FromSeconds(20), throttle.PauseFor(1));
        Assert.Equal(TimeSpan.FromSeconds(40), throttle.PauseFor(2));
        Assert.Equal(TimeSpan.FromSeconds(45), throttle.PauseFor(3));
    }

    [Fact]
    public async Task IsPaused_AfterAllowedFailures_PausedForFirstDelayThenFree()
    {
        var throttle = Throttle(new ThrottlingOptions { AccountFailuresBeforeDelay = 3 });

        for (var i = 0; i < 2; i++)
        {
            await throttle.RecordFailureAsync("someone@example.com", "192.0.2.1", CancellationToken.None);
        }

        Assert.False(await throttle.IsPausedAsync("someone@example.com", "192.0.2.1", CancellationToken.None));
        await throttle.RecordFailureAsync("SOMEONE@example.com", "192.0.2.1", CancellationToken.None);
        Assert.True(await throttle.IsPausedAsync("someone@example.com", "198.51.100.7", CancellationToken.None));
        Assert.False(await throttle.IsPausedAsync("other@example.com", "198.51.100.7", CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await throttle.IsPausedAsync("someone@example.com", "198.51.100.7", CancellationToken.None));
    }

    [Fact]
    public async Task IsPaused_AddressOverItsLimit_PausesEveryNameFromIt()
    {
        var throttle = Throttle(new ThrottlingOptions { AddressFailuresBeforeDelay = 2 });

        await throttle.RecordFailureAsync("a@example.com", "192.0.2.1", CancellationToken.None);
        await throttle.RecordFailureAsync("b@example.com", "192.0.2.1", CancellationToken.None);

        Assert.True(await throttle.IsPausedAsync("c@example.com", "192.0.2.1", CancellationToken.None));
        Assert.False(await throttle.IsPausedAsync("c@example.com", "192.0.2.2", CancellationToken.None));
    }

    private LoginThrottle Throttle(ThrottlingOptions throttling)
    {
        var options = new LoginOptions();
        options.Throttling.AccountFailuresBeforeDelay = throttling.AccountFailuresBeforeDelay;
        options.Throttling.AddressFailuresBeforeDelay = throttling.AddressFailuresBeforeDelay;
        options.Throttling.FirstDelay = throttling.FirstDelay;
        options.Throttling.MaximumDelay = throttling.MaximumDelay;
        var tenants = new TenantContext();
        tenants.Set(new Tenant { Slug = "acme", DisplayName = "Acme" });
        var riskCounters = new CiamServer.Risk.Counters.MemoryRiskCounters(
            new CiamServer.Risk.Counters.MemoryRiskCounterStore(_clock), tenants, Options.Create(new CiamServer.Risk.RiskOptions()));
        return new LoginThrottle(new MemoryCounterStore(_clock), riskCounters, tenants, Options.Create(options));
    }
}
