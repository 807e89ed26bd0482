namespace CiamServer.Risk;

/// <summary><c>Ciam:Risk:NewDevice</c>: the device cookie is not among the user's recent successful sign-ins.</summary>
public sealed class NewDeviceOptions
{
    public int Points { get; set; } = 20;
}

/// <summary><c>Ciam:Risk:NewLocation</c>: a country, or else a network (IPv4 /24, IPv6 /48), not among the
/// user's recent successful sign-ins. A new country scores instead of, not as well as, a new network.</summary>
public sealed class NewLocationOptions
{
    public int CountryPoints { get; set; } = 20;

    public int NetworkPoints { get; set; } = 10;
}

/// <summary><c>Ciam:Risk:ImpossibleTravel</c>: the distance from the latest located sign-in could not have
/// been covered at <see cref="MaxSpeedKmh"/>.</summary>
public sealed class ImpossibleTravelOptions
{
    public int Points { get; set; } = 45;

    /// <summary>An airliner's cruising speed.</summary>
    public double MaxSpeedKmh { get; set; } = 900;

    /// <summary>Shorter distances are geolocation noise (a city database places a network at its ISP's hub).</summary>
    public double MinimumDistanceKm { get; set; } = 500;
}

/// <summary><c>Ciam:Risk:FailedAttempts</c>: recent failed attempts for the account name and from the address.</summary>
public sealed class FailedAttemptsOptions
{
    /// <summary>The counting window, from the first failure.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Failures for the name, before this attempt, from which <see cref="AccountPoints"/> count.</summary>
    public int AccountThreshold { get; set; } = 3;

    public int AccountPoints { get; set; } = 20;

    /// <summary>Failures from the address, whatever the name, from which <see cref="AddressPoints"/> count.</summary>
    public int AddressThreshold { get; set; } = 20;

    public int AddressPoints { get; set; } = 15;
}

/// <summary><c>Ciam:Risk:UnusualHour</c>: a time of day (UTC) more than <see cref="ToleranceHours"/> from every
/// recent sign-in of a user with at least <see cref="MinimumHistory"/> of them.</summary>
public sealed class UnusualHourOptions
{
    public int Points { get; set; } = 10;

    public int MinimumHistory { get; set; } = 5;

    public double ToleranceHours { get; set; } = 2;
}

/// <summary><c>Ciam:Risk:ManyAccounts</c>: credential stuffing, many account names tried from one address.</summary>
public sealed class ManyAccountsOptions
{
    /// <summary>The counting window, from the first name tried.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Distinct names tried from the address (before this attempt) from which <see cref="Points"/> count.</summary>
    public int Threshold { get; set; } = 10;

    public int Points { get; set; } = 40;
}
