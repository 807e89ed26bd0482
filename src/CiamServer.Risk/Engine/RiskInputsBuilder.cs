using System.Net;
using CiamServer.Risk.Networks;

namespace CiamServer.Risk.Engine;

/// <summary>Computes <see cref="RiskInputs"/> from what the engine read: CPU only, no I/O.</summary>
internal static class RiskInputsBuilder
{
    /// <summary>Elapsed times below this count as this (two sign-ins in the same second are not infinitely fast).</summary>
    private const double MinimumHours = 1.0 / 60;

    public static RiskInputs Build(
        SignInContext context, RiskLocation? location, IReadOnlyList<PastSignIn> history, RiskCounts counts,
        string? denyListMatch, string? anonymizerMatch)
    {
        var address = context.Address is null ? null : Cidr.Normalize(context.Address);
        var network = address is null ? (IPNetwork?)null : Cidr.NetworkOf(address);
        var hour = context.At.UtcDateTime.TimeOfDay.TotalHours;
        var travel = Travel(context.At, location, history);
        return new RiskInputs
        {
            At = context.At,
            IpAddress = address?.ToString(),
            Network = network?.ToString(),
            Country = location?.Country,
            Latitude = location?.Latitude,
            Longitude = location?.Longitude,
            HasDeviceCookie = context.DeviceHash is not null,
            HistoryCount = history.Count,
            DeviceSeenBefore = history.Count == 0 ? null : DeviceSeen(context.DeviceHash, history),
            CountrySeenBefore = CountrySeen(location?.Country, history),
            NetworkSeenBefore = network is null ? null : NetworkSeen(network.Value, history),
            HourOfDay = Math.Round(hour, 2),
            HourDistance = history.Count == 0 ? null : Math.Round(HourDistance(hour, history), 2),
            AccountFailures = counts.AccountFailures,
            AddressFailures = counts.AddressFailures,
            AddressAccounts = counts.AddressAccounts,
            DenyListMatch = denyListMatch,
            AnonymizerMatch = anonymizerMatch,
            PreviousAt = travel.Previous?.At,
            PreviousCountry = travel.Previous?.Country,
            PreviousLatitude = travel.Previous?.Latitude,
            PreviousLongitude = travel.Previous?.Longitude,
            DistanceKm = travel.DistanceKm,
            HoursSincePrevious = travel.Hours,
            SpeedKmh = travel.SpeedKmh,
        };
    }

    private static bool DeviceSeen(string? deviceHash, IReadOnlyList<PastSignIn> history)
    {
        if (deviceHash is null)
        {
            return false;
        }

        foreach (var past in history)
        {
            if (string.Equals(past.DeviceHash, deviceHash, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool? CountrySeen(string? country, IReadOnlyList<PastSignIn> history)
    {
        if (country is null)
        {
            return null;
        }

        bool? seen = null;
        foreach (var past in history)
        {
            if (past.Country is null)
            {
                continue;
            }

            if (string.Equals(past.Country, country, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            seen = false;
        }

        return seen;
    }

    private static bool? NetworkSeen(IPNetwork network, IReadOnlyList<PastSignIn> history)
    {
        bool? seen = null;
        foreach (var past in history)
        {
            if (!IPAddress.TryParse(past.IpAddress, out var pastAddress))
            {
                continue;
            }

            if (network.Contains(Cidr.Normalize(pastAddress)))
            {
                return true;
            }

            seen = false;
        }

        return seen;
    }

    /// <summary>The smallest distance round the clock between this time of day and any in the history, hours.</summary>
    private static double HourDistance(double hour, IReadOnlyList<PastSignIn> history)
    {
        var nearest = 12.0;
        foreach (var past in history)
        {
            var apart = Math.Abs(hour - past.At.UtcDateTime.TimeOfDay.TotalHours);
            nearest = Math.Min(nearest, Math.Min(apart, 24 - apart));
        }

        return nearest;
    }

    /// <summary>The latest sign-in that had coordinates, and the distance and speed from it.</summary>
    private static (PastSignIn? Previous, double? DistanceKm, double? Hours, double? SpeedKmh) Travel(
        DateTimeOffset at, RiskLocation? location, IReadOnlyList<PastSignIn> history)
    {
        PastSignIn? previous = null;
        foreach (var past in history)
        {
            if (past.Latitude is not null && past.Longitude is not null && (previous is null || past.At > previous.At))
            {
                previous = past;
            }
        }

        if (previous is null || location is not { Latitude: { } latitude, Longitude: { } longitude })
        {
            return (previous, null, null, null);
        }

        var distance = GreatCircle.DistanceKm(previous.Latitude!.Value, previous.Longitude!.Value, latitude, longitude);
        var hours = (at - previous.At).TotalHours;
        return (previous, Math.Round(distance, 1), Math.Round(hours, 3), Math.Round(distance / Math.Max(hours, MinimumHours), 1));
    }
}
