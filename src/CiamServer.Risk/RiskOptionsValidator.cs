using System.Globalization;
using System.Text.RegularExpressions;
using CiamServer.Risk.Networks;
using Microsoft.Extensions.Options;

namespace CiamServer.Risk;

/// <summary>Start-up checks for <c>Ciam:Risk</c>; every failure names the key to fix.</summary>
internal sealed partial class RiskOptionsValidator : IValidateOptions<RiskOptions>
{
    private const string S = RiskOptions.Section;
    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, RiskOptions options)
    {
        var failures = new List<string>();
        Check(failures, options.HistorySize is >= 1 and <= 200, $"{S}:HistorySize must be 1 to 200.");
        CheckPoints(failures, options);
        CheckThresholds(failures, options);
        CheckFile(failures, options.GeoDatabasePath, $"{S}:GeoDatabasePath");
        CheckNetworks(failures, options.Networks);
        foreach (var (entry, index) in options.DenyList.Select((e, i) => (e, i)))
        {
            Check(failures, Cidr.TryParse(entry, out _), $"{S}:DenyList:{index} (\"{entry}\") is not a CIDR or an IP address.");
        }

        if (CheckFile(failures, options.AnonymizerListPath, $"{S}:AnonymizerListPath"))
        {
            var bad = RiskAddressLists.ReadListFile(options.AnonymizerListPath!).Where(l => !Cidr.TryParse(l.Text, out _)).Take(5).ToList();
            Check(failures, bad.Count == 0,
                $"{S}:AnonymizerListPath: not a CIDR or an IP address on line(s) {string.Join(", ", bad.Select(b => b.Line))}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPoints(List<string> failures, RiskOptions o)
    {
        (string Key, int Value)[] points =
        [
            ("DenyListPoints", o.DenyListPoints), ("AnonymizerPoints", o.AnonymizerPoints), ("NewDevice:Points", o.NewDevice.Points),
            ("NewLocation:CountryPoints", o.NewLocation.CountryPoints), ("NewLocation:NetworkPoints", o.NewLocation.NetworkPoints),
            ("ImpossibleTravel:Points", o.ImpossibleTravel.Points), ("FailedAttempts:AccountPoints", o.FailedAttempts.AccountPoints),
            ("FailedAttempts:AddressPoints", o.FailedAttempts.AddressPoints), ("UnusualHour:Points", o.UnusualHour.Points),
            ("ManyAccounts:Points", o.ManyAccounts.Points),
        ];
        foreach (var (key, value) in points)
        {
            Check(failures, value is >= 0 and <= 100, $"{S}:{key} must be 0 to 100 (0 turns the signal off).");
        }
    }

    private static void CheckThresholds(List<string> failures, RiskOptions o)
    {
        Check(failures, o.ImpossibleTravel.MaxSpeedKmh > 0, $"{S}:ImpossibleTravel:MaxSpeedKmh must be positive.");
        Check(failures, o.ImpossibleTravel.MinimumDistanceKm >= 0, $"{S}:ImpossibleTravel:MinimumDistanceKm must not be negative.");
        Check(failures, o.FailedAttempts.Window > TimeSpan.Zero && o.FailedAttempts.Window <= LongestWindow,
            $"{S}:FailedAttempts:Window must be positive and at most 30 days.");
        Check(failures, o.FailedAttempts.AccountThreshold >= 1, $"{S}:FailedAttempts:AccountThreshold must be at least 1.");
        Check(failures, o.FailedAttempts.AddressThreshold >= 1, $"{S}:FailedAttempts:AddressThreshold must be at least 1.");
        Check(failures, o.UnusualHour.MinimumHistory >= 1 && o.UnusualHour.MinimumHistory <= o.HistorySize,
            $"{S}:UnusualHour:MinimumHistory must be at least 1 and at most {S}:HistorySize.");
        Check(failures, o.UnusualHour.ToleranceHours is >= 0 and < 12, $"{S}:UnusualHour:ToleranceHours must be 0 to 12 (excluded).");
        Check(failures, o.ManyAccounts.Window > TimeSpan.Zero && o.ManyAccounts.Window <= LongestWindow,
            $"{S}:ManyAccounts:Window must be positive and at most 30 days.");
        Check(failures, o.ManyAccounts.Threshold >= 2, $"{S}:ManyAccounts:Threshold must be at least 2.");
    }

    private static void CheckNetworks(List<string> failures, IList<RiskNetworkOptions> networks)
    {
        for (var i = 0; i < networks.Count; i++)
        {
            var n = networks[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{S}:Networks:{i}");
            Check(failures, Cidr.TryParse(n.Cidr, out _), $"{key}:Cidr (\"{n.Cidr}\") is not a CIDR or an IP address.");
            Check(failures, n.Country is null || CountryPattern().IsMatch(n.Country), $"{key}:Country must be an ISO 3166 alpha-2 code such as FR.");
            Check(failures, (n.Latitude is null) == (n.Longitude is null), $"{key}: set both Latitude and Longitude, or neither.");
            Check(failures, n.Latitude is null or (>= -90 and <= 90), $"{key}:Latitude must be -90 to 90.");
            Check(failures, n.Longitude is null or (>= -180 and <= 180), $"{key}:Longitude must be -180 to 180.");
        }
    }

    /// <summary>True when the path is set and the file exists.</summary>
    private static bool CheckFile(List<string> failures, string? path, string key)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        Check(failures, File.Exists(path), $"{key} names a file that does not exist.");
        return File.Exists(path);
    }

    private static void Check(List<string> failures, bool ok, string message)
    {
        if (!ok)
        {
            failures.Add(message);
        }
    }

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryPattern();
}
