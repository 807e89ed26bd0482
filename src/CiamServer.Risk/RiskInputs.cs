namespace CiamServer.Risk;

/// <summary>Everything the signals look at, computed once by the engine from the attempt, the user's recent
/// successful sign-ins, the counters, the geolocation and the address lists. Signals are pure functions of this
/// record and the options, so a stored copy (<see cref="RiskJson.SerializeInputs"/>, kept in
/// <c>SignInAttempt.InputsJson</c>) shows an admin what was seen and can be scored again with other weights.
/// Null means "not known" (no history, no location...); a signal never fires on an unknown.</summary>
public sealed record RiskInputs
{
    public DateTimeOffset At { get; init; }

    /// <summary>The client address (IPv4-mapped IPv6 written as IPv4).</summary>
    public string? IpAddress { get; init; }

    /// <summary>The address's network: its IPv4 /24 or IPv6 /48, e.g. <c>203.0.113.0/24</c>.</summary>
    public string? Network { get; init; }

    /// <summary>ISO 3166 alpha-2 country of the address.</summary>
    public string? Country { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public bool HasDeviceCookie { get; init; }

    /// <summary>How many recent successful sign-ins of the user were read (at most <c>Ciam:Risk:HistorySize</c>).</summary>
    public int HistoryCount { get; init; }

    /// <summary>Whether this device cookie was used in one of them; null without history.</summary>
    public bool? DeviceSeenBefore { get; init; }

    /// <summary>Whether one of them came from this country; null when either side has no country.</summary>
    public bool? CountrySeenBefore { get; init; }

    /// <summary>Whether one of them came from this network; null when either side has no address.</summary>
    public bool? NetworkSeenBefore { get; init; }

    /// <summary>When the latest located sign-in happened (the one travel is measured from).</summary>
    public DateTimeOffset? PreviousAt { get; init; }

    public string? PreviousCountry { get; init; }

    public double? PreviousLatitude { get; init; }

    public double? PreviousLongitude { get; init; }

    /// <summary>Great-circle distance from the previous located sign-in, km, one decimal.</summary>
    public double? DistanceKm { get; init; }

    /// <summary>Time since the previous located sign-in, hours.</summary>
    public double? HoursSincePrevious { get; init; }

    /// <summary>The speed needed to cover <see cref="DistanceKm"/> in that time (at least one minute), km/h.</summary>
    public double? SpeedKmh { get; init; }

    /// <summary>Time of day of the attempt in UTC, hours (14.5 is 14:30).</summary>
    public double HourOfDay { get; init; }

    /// <summary>Hours between this time of day and the nearest time of day of the history, going round the
    /// clock (23:00 and 01:00 are 2 hours apart); null without history.</summary>
    public double? HourDistance { get; init; }

    public long AccountFailures { get; init; }

    public long AddressFailures { get; init; }

    /// <summary>Distinct account names tried from the address in the window (before this attempt).</summary>
    public long AddressAccounts { get; init; }

    /// <summary>The deny-list entry (CIDR) the address falls in.</summary>
    public string? DenyListMatch { get; init; }

    /// <summary>The anonymising-network entry (CIDR) the address falls in.</summary>
    public string? AnonymizerMatch { get; init; }
}
