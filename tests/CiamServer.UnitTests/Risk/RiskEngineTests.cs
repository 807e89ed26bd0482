using System.Net;
using CiamServer.Core.Tenancy;
using CiamServer.Risk;
using CiamServer.Risk.Engine;

namespace CiamServer.UnitTests.Risk;

/// <summary>The engine on fakes: what it computes from history, counters and places, and the score it gives.</summary>
[Trait("Category", "Unit")]
[Trait("Category", "Risk")]
public sealed class RiskEngineTests
{
    private readonly RiskTestKit _kit = new();

    [Fact]
    public async Task Assess_FirstEverSignIn_NoHistorySignals()
    {
        var assessment = await _kit.AssessAsync(RiskTestKit.Tokyo, device: null);

        Assert.Equal(0, assessment.Score);
        Assert.Equal(RiskDecision.Allow, assessment.Decision);
        Assert.Empty(assessment.Reasons);
        Assert.Null(assessment.Inputs.DeviceSeenBefore);
        Assert.Null(assessment.Inputs.CountrySeenBefore);
        Assert.Equal("JP", assessment.Inputs.Country);
    }

    [Fact]
    public async Task Assess_SameDeviceAndNetwork_Allowed()
    {
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromDays(1));

        var assessment = await _kit.AssessAsync(RiskTestKit.Paris, "DEVICE-A");

        Assert.Equal(0, assessment.Score);
        Assert.True(assessment.Inputs.DeviceSeenBefore);
        Assert.True(assessment.Inputs.CountrySeenBefore);
        Assert.True(assessment.Inputs.NetworkSeenBefore);
        Assert.Equal("198.51.100.0/24", assessment.Inputs.Network);
    }

    [Fact]
    public async Task Assess_UnknownDeviceOrNoCookie_NewDevice()
    {
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromDays(1));

        Assert.Equal(["new_device"], Signals(await _kit.AssessAsync(RiskTestKit.Paris, "device-b")));
        Assert.Equal(["new_device"], Signals(await _kit.AssessAsync(RiskTestKit.Paris, device: null)));
    }

    [Fact]
    public async Task Assess_OtherNetworkSameCountry_NewNetworkOnly()
    {
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromDays(1));

        var assessment = await _kit.AssessAsync(RiskTestKit.ParisOtherNetwork);

        Assert.Equal(["new_network"], Signals(assessment));
        Assert.Equal(10, assessment.Score);
    }

    [Fact]
    public async Task Assess_OtherCountryAfterAFlight_NewCountryNotTravel()
    {
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromHours(9));

        var assessment = await _kit.AssessAsync(RiskTestKit.NewYork);

        Assert.Equal(["new_country"], Signals(assessment));
        Assert.InRange(assessment.Inputs.DistanceKm!.Value, 5800, 5880);
        Assert.Equal(9, assessment.Inputs.HoursSincePrevious);
        Assert.InRange(assessment.Inputs.SpeedKmh!.Value, 640, 660);
        Assert.Equal("FR", assessment.Inputs.PreviousCountry);
    }

    [Fact]
    public async Task Assess_NewYorkTwoHoursAfterParis_ImpossibleTravel()
    {
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromHours(2));

        var assessment = await _kit.AssessAsync(RiskTestKit.NewYork);

        Assert.Equal(["new_country", "impossible_travel"], Signals(assessment));
        Assert.Equal(65, assessment.Score);
        Assert.Equal(RiskDecision.StepUp, assessment.Decision);
    }

    [Fact]
    public async Task Assess_ClockAdvancedPastFlightTime_TravelPossibleAgain()
    {
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.Zero);
        _kit.Clock.Advance(TimeSpan.FromHours(6));
        Assert.Contains("impossible_travel", Signals(await _kit.AssessAsync(RiskTestKit.NewYork)));

        _kit.Clock.Advance(TimeSpan.FromHours(1)); // 7 h for 5,837 km: 834 km/h.
        Assert.DoesNotContain("impossible_travel", Signals(await _kit.AssessAsync(RiskTestKit.NewYork)));
    }

    [Fact]
    public async Task Assess_LondonMinutesAfterParis_BelowMinimumDistance()
    {
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromMinutes(5));

        var assessment = await _kit.AssessAsync(RiskTestKit.London);

        Assert.InRange(assessment.Inputs.DistanceKm!.Value, 330, 350);
        Assert.DoesNotContain("impossible_travel", Signals(assessment));
    }

    [Fact]
    public async Task Assess_SameSecond_SpeedUsesOneMinuteAtLeast()
    {
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.Zero);

        var assessment = await _kit.AssessAsync(RiskTestKit.Tokyo);

        Assert.Equal(assessment.Inputs.DistanceKm!.Value * 60, assessment.Inputs.SpeedKmh!.Value, tolerance: 10);
        Assert.Contains("impossible_travel", Signals(assessment));
    }

    [Fact]
    public async Task Assess_TravelMeasuredFromLatestLocatedSignIn()
    {
        _kit.SignedIn(RiskTestKit.Tokyo, "device-a", TimeSpan.FromDays(3));
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromHours(10));
        _kit.SignedIn(RiskTestKit.Unplaced, "device-a", TimeSpan.FromHours(1));

        var assessment = await _kit.AssessAsync(RiskTestKit.NewYork);

        Assert.Equal("FR", assessment.Inputs.PreviousCountry);
        Assert.Equal(_kit.Clock.GetUtcNow() - TimeSpan.FromHours(10), assessment.Inputs.PreviousAt);
    }

    [Fact]
    public async Task Assess_UnplacedAddress_NoCountryOrTravel()
    {
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromMinutes(1));

        var assessment = await _kit.AssessAsync(RiskTestKit.Unplaced);

        Assert.Null(assessment.Inputs.Country);
        Assert.Null(assessment.Inputs.CountrySeenBefore);
        Assert.Null(assessment.Inputs.DistanceKm);
        Assert.Equal(["new_network"], Signals(assessment));
    }

    [Fact]
    public async Task Assess_OutsideUsualHours_UnusualHour()
    {
        // Five sign-ins around 09:00 UTC on earlier days; now 16:00.
        for (var day = 1; day <= 5; day++)
        {
            _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromDays(day) + TimeSpan.FromMinutes(day * 10));
        }

        _kit.Clock.Advance(TimeSpan.FromHours(7));
        var assessment = await _kit.AssessAsync(RiskTestKit.Paris);

        Assert.Equal(16, assessment.Inputs.HourOfDay);
        Assert.Equal(7.17, assessment.Inputs.HourDistance); // From 08:50.
        Assert.Equal(["unusual_hour"], Signals(assessment));
    }

    [Fact]
    public async Task Assess_AcrossMidnight_HoursRoundTheClock()
    {
        // Habit at 23:00 UTC; now 00:30 the next day is 1.5 h away, not 22.5.
        _kit.Clock.Advance(TimeSpan.FromHours(14)); // 23:00
        for (var day = 1; day <= 5; day++)
        {
            _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromDays(day));
        }

        _kit.Clock.Advance(TimeSpan.FromMinutes(90));
        var assessment = await _kit.AssessAsync(RiskTestKit.Paris);

        Assert.Equal(0.5, assessment.Inputs.HourOfDay);
        Assert.Equal(1.5, assessment.Inputs.HourDistance);
        Assert.Empty(assessment.Reasons);
    }

    [Fact]
    public async Task Assess_FourSignInsOnly_NoUnusualHour()
    {
        for (var day = 1; day <= 4; day++)
        {
            _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromDays(day));
        }

        _kit.Clock.Advance(TimeSpan.FromHours(12));

        Assert.Empty((await _kit.AssessAsync(RiskTestKit.Paris)).Reasons);
    }

    [Fact]
    public async Task Assess_Counters_PassedToSignals()
    {
        _kit.Counters.Counts = new RiskCounts(AccountFailures: 4, AddressFailures: 25, AddressAccounts: 12);

        var assessment = await _kit.AssessAsync(RiskTestKit.Paris, knownUser: false);

        Assert.Equal(["account_failures", "address_failures", "many_accounts"], Signals(assessment));
        Assert.Equal(75, assessment.Score);
        Assert.Equal(("ALICE@EXAMPLE.COM", IPAddress.Parse(RiskTestKit.Paris)), Assert.Single(_kit.Counters.Reads));
    }

    [Fact]
    public async Task Assess_UnknownAccountName_HistoryNotRead()
    {
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromDays(1));

        var assessment = await _kit.AssessAsync(RiskTestKit.Tokyo, "device-b", knownUser: false);

        Assert.Equal(0, _kit.History.Reads);
        Assert.Empty(assessment.Reasons);
    }

    [Fact]
    public async Task Assess_DenyListedNetwork_DeniedAlone()
    {
        _kit.Options.DenyList.Add("192.0.2.0/27");

        var assessment = await _kit.AssessAsync(RiskTestKit.Tokyo);

        Assert.Equal(100, assessment.Score);
        Assert.Equal(RiskDecision.Deny, assessment.Decision);
        Assert.Equal("192.0.2.0/27", assessment.Inputs.DenyListMatch);
    }

    [Fact]
    public async Task Assess_IPv4MappedAddress_TreatedAsIPv4()
    {
        _kit.Options.DenyList.Add(RiskTestKit.Tokyo);

        var assessment = await _kit.AssessAsync("::ffff:" + RiskTestKit.Tokyo);

        Assert.Equal(RiskTestKit.Tokyo, assessment.Inputs.IpAddress);
        Assert.Equal("JP", assessment.Inputs.Country);
        Assert.Equal(RiskDecision.Deny, assessment.Decision);
    }

    [Fact]
    public async Task Assess_EverythingAtOnce_ScoreCappedAt100()
    {
        _kit.Options.DenyListPoints = 60;
        _kit.Options.DenyList.Add(RiskTestKit.NewYork);
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromHours(1));

        var assessment = await _kit.AssessAsync(RiskTestKit.NewYork, "device-b");

        Assert.Equal(60 + 20 + 20 + 45, assessment.Reasons.Sum(r => r.Points));
        Assert.Equal(100, assessment.Score);
    }

    [Fact]
    public async Task Assess_WeightZero_SignalOff()
    {
        _kit.Options.NewDevice.Points = 0;
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromDays(1));

        Assert.Empty((await _kit.AssessAsync(RiskTestKit.Paris, "device-b")).Reasons);
    }

    [Fact]
    public async Task Assess_TenantPolicy_DecidesWithItsThresholds()
    {
        _kit.Tenants.Required.Risk.StepUpAt = 15;
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromDays(1));

        var assessment = await _kit.AssessAsync(RiskTestKit.Paris, "device-b");

        Assert.Equal(20, assessment.Score);
        Assert.Equal(RiskDecision.StepUp, assessment.Decision);
    }

    [Fact]
    public async Task StoredInputs_JsonRoundTrip_ReplayGivesSameAssessment()
    {
        _kit.Counters.Counts = new RiskCounts(5, 1, 2);
        _kit.SignedIn(RiskTestKit.Paris, "device-a", TimeSpan.FromHours(2));
        var live = await _kit.AssessAsync(RiskTestKit.NewYork, "device-b");

        var json = RiskJson.SerializeInputs(live.Inputs);
        var stored = RiskJson.DeserializeInputs(json);
        var replayed = RiskEngine.Evaluate(stored, RiskTestKit.Signals(_kit.Options), _kit.Tenants.Required.Risk);

        Assert.Equal(live.Inputs, stored);
        Assert.Equal(live.Score, replayed.Score);
        Assert.Equal(live.Reasons, replayed.Reasons);
        Assert.Contains("\"distanceKm\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Equal(live.Reasons, RiskJson.DeserializeReasons(RiskJson.SerializeReasons(live.Reasons)));
        Assert.StartsWith("[{\"signal\":\"new_device\",\"points\":20,\"message\":", RiskJson.SerializeReasons(live.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_NoTenant_Throws()
    {
        var engine = _kit.Engine(new TenantContext());

        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.AssessAsync(_kit.Attempt(RiskTestKit.Paris), CancellationToken.None));
    }

    private static string[] Signals(RiskAssessment assessment) => [.. assessment.Reasons.Select(r => r.Signal)];
}
