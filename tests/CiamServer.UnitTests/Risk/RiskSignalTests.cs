using CiamServer.Risk;
using CiamServer.Risk.Signals;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CiamServer.UnitTests.Risk;

/// <summary>Each signal on hand-made inputs, with the default weights.</summary>
[Trait("Category", "Unit")]
[Trait("Category", "Risk")]
public sealed class RiskSignalTests
{
    private static readonly RiskOptions Defaults = new();

    [Theory]
    [InlineData(false, 20)]
    [InlineData(true, 0)]
    [InlineData(null, 0)]
    public void NewDevice_DeviceSeenBefore_FiresOnlyWhenFalse(bool? seen, int points) =>
        AssertPoints(points, new NewDeviceSignal(MsOptions.Create(Defaults)), new RiskInputs { DeviceSeenBefore = seen });

    [Theory]
    [InlineData(false, false, "new_country", 20)]
    [InlineData(false, true, "new_country", 20)]
    [InlineData(true, false, "new_network", 10)]
    [InlineData(null, false, "new_network", 10)]
    [InlineData(true, true, null, 0)]
    [InlineData(null, null, null, 0)]
    public void NewLocation_CountryOrNetwork_CountryWinsNotBoth(bool? countrySeen, bool? networkSeen, string? signal, int points)
    {
        var reason = new NewLocationSignal(MsOptions.Create(Defaults))
            .Evaluate(new RiskInputs { CountrySeenBefore = countrySeen, NetworkSeenBefore = networkSeen });

        Assert.Equal(signal, reason?.Signal);
        Assert.Equal(points, reason?.Points ?? 0);
    }

    [Theory]
    [InlineData(5837.0, 5837.0 / 2, 45)] // Paris to New York in two hours.
    [InlineData(5837.0, 901.0, 45)]
    [InlineData(5837.0, 900.0, 0)] // Exactly the limit is possible.
    [InlineData(5837.0, 700.0, 0)] // Eight and a half hours: a flight.
    [InlineData(499.0, 29_940.0, 0)] // Below the minimum distance: noise, however fast.
    [InlineData(500.0, 30_000.0, 45)]
    public void ImpossibleTravel_SpeedAndDistance_FiresAboveBoth(double distanceKm, double speedKmh, int points) =>
        AssertPoints(points, new ImpossibleTravelSignal(MsOptions.Create(Defaults)),
            new RiskInputs { DistanceKm = distanceKm, SpeedKmh = speedKmh });

    [Fact]
    public void ImpossibleTravel_NoPreviousLocation_Silent() =>
        AssertPoints(0, new ImpossibleTravelSignal(MsOptions.Create(Defaults)), new RiskInputs { Country = "US", Latitude = 1, Longitude = 2 });

    [Fact]
    public void ImpossibleTravel_SlowerLimit_FiresSooner()
    {
        var options = new RiskOptions();
        options.ImpossibleTravel.MaxSpeedKmh = 300;

        AssertPoints(45, new ImpossibleTravelSignal(MsOptions.Create(options)), new RiskInputs { DistanceKm = 1000, SpeedKmh = 400 });
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 20)]
    [InlineData(50, 20)]
    public void AccountFailures_FromThreshold_Fires(long failures, int points) =>
        AssertPoints(points, new AccountFailuresSignal(MsOptions.Create(Defaults)), new RiskInputs { AccountFailures = failures });

    [Theory]
    [InlineData(19, 0)]
    [InlineData(20, 15)]
    public void AddressFailures_FromThreshold_Fires(long failures, int points) =>
        AssertPoints(points, new AddressFailuresSignal(MsOptions.Create(Defaults)), new RiskInputs { AddressFailures = failures });

    [Theory]
    [InlineData(9, 0)]
    [InlineData(10, 40)]
    [InlineData(500, 40)]
    public void ManyAccounts_DistinctNamesFromAddress_FiresFromThreshold(long names, int points) =>
        AssertPoints(points, new ManyAccountsSignal(MsOptions.Create(Defaults)), new RiskInputs { AddressAccounts = names });

    [Theory]
    [InlineData(5, 2.5, 10)]
    [InlineData(5, 2.0, 0)] // Within the tolerance.
    [InlineData(4, 11.0, 0)] // Not enough history to have habits.
    [InlineData(20, 12.0, 10)]
    public void UnusualHour_HistoryAndDistance_FiresBeyondTolerance(int history, double hourDistance, int points) =>
        AssertPoints(points, new UnusualHourSignal(MsOptions.Create(Defaults)),
            new RiskInputs { HistoryCount = history, HourDistance = hourDistance });

    [Fact]
    public void UnusualHour_NoHistory_Silent() =>
        AssertPoints(0, new UnusualHourSignal(MsOptions.Create(Defaults)), new RiskInputs { HistoryCount = 0, HourOfDay = 3 });

    [Fact]
    public void DenyList_Match_HundredPoints()
    {
        AssertPoints(100, new DenyListSignal(MsOptions.Create(Defaults)), new RiskInputs { DenyListMatch = "203.0.113.0/24" });
        AssertPoints(0, new DenyListSignal(MsOptions.Create(Defaults)), new RiskInputs());
    }

    [Fact]
    public void Anonymizer_Match_FortyPoints()
    {
        AssertPoints(40, new AnonymizerSignal(MsOptions.Create(Defaults)), new RiskInputs { AnonymizerMatch = "192.0.2.7/32" });
        AssertPoints(0, new AnonymizerSignal(MsOptions.Create(Defaults)), new RiskInputs());
    }

    [Fact]
    public void Messages_EverySignal_PlainWordsForThePerson()
    {
        var everything = new RiskInputs
        {
            DeviceSeenBefore = false, CountrySeenBefore = false, DistanceKm = 9000, SpeedKmh = 9000, AccountFailures = 99,
            AddressFailures = 99, AddressAccounts = 99, HistoryCount = 20, HourDistance = 6, DenyListMatch = "x", AnonymizerMatch = "y",
        };

        var reasons = RiskTestKit.Signals(Defaults).Select(s => s.Evaluate(everything)).OfType<RiskReason>().ToList();

        Assert.Equal(9, reasons.Count);
        Assert.Equal(reasons.Count, reasons.Select(r => r.Signal).Distinct().Count());
        Assert.All(reasons, r => Assert.Matches("^[A-Z][^_{}]+\\.$", r.Message));
    }

    private static void AssertPoints(int expected, IRiskSignal signal, RiskInputs inputs) =>
        Assert.Equal(expected, signal.Evaluate(inputs)?.Points ?? 0);
}
