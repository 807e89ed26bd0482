namespace CiamServer.Risk;

/// <summary><c>Ciam:Risk</c>: where places come from, the address lists, and each signal's weight and
/// thresholds. Checked at start-up by <see cref="RiskOptionsValidator"/>. The decision thresholds are per
/// tenant (<c>Tenant.Risk</c>), not here.</summary>
public sealed class RiskOptions
{
    public const string Section = "Ciam:Risk";

    /// <summary>How many of the user's latest successful sign-ins the signals compare with.</summary>
    public int HistorySize { get; set; } = 20;

    /// <summary>A MaxMind DB file (GeoLite2/GeoIP2 City or Country shape). Unset: <c>Ciam:Geo:DatabasePath</c>.</summary>
    public string? GeoDatabasePath { get; set; }

    /// <summary>Places for networks the database does not know or gets wrong (private networks, tests);
    /// looked up before the database, the longest matching prefix wins.</summary>
    public IList<RiskNetworkOptions> Networks { get; } = new List<RiskNetworkOptions>();

    /// <summary>CIDRs (or single addresses) whose sign-ins score <see cref="DenyListPoints"/>.</summary>
    public IList<string> DenyList { get; } = new List<string>();

    /// <summary>Deny list points; 100 denies on its own whatever the tenant's thresholds (at most 100).</summary>
    public int DenyListPoints { get; set; } = 100;

    /// <summary>A file of anonymising networks (Tor exit nodes, open proxies): one CIDR or address a line,
    /// <c>#</c> comments. Read at start-up.</summary>
    public string? AnonymizerListPath { get; set; }

    public int AnonymizerPoints { get; set; } = 40;

    public NewDeviceOptions NewDevice { get; } = new();

    public NewLocationOptions NewLocation { get; } = new();

    public ImpossibleTravelOptions ImpossibleTravel { get; } = new();

    public FailedAttemptsOptions FailedAttempts { get; } = new();

    public UnusualHourOptions UnusualHour { get; } = new();

    public ManyAccountsOptions ManyAccounts { get; } = new();
}

/// <summary>A place for a network: <c>Ciam:Risk:Networks:{n}</c>.</summary>
public sealed class RiskNetworkOptions
{
    /// <summary>e.g. <c>10.1.0.0/16</c> or <c>2001:db8:1::/48</c>.</summary>
    public string? Cidr { get; set; }

    /// <summary>ISO 3166 alpha-2.</summary>
    public string? Country { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}
