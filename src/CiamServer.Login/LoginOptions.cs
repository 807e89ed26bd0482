using System.ComponentModel.DataAnnotations;

namespace CiamServer.Login;

/// <summary><c>Ciam:Login</c>: how the hosted pages behave.</summary>
public sealed class LoginOptions
{
    public const string Section = "Ciam:Login";

    /// <summary>Refuse sign-in until the email address is verified (the link is sent again on each try).</summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    public ThrottlingOptions Throttling { get; } = new();
}

/// <summary><c>Ciam:Login:Throttling</c>: back-off after failed sign-ins, counted per account and per IP
/// address, for accounts that exist and ones that do not alike (so it reveals nothing).</summary>
public sealed class ThrottlingOptions
{
    /// <summary>Failures per account allowed before the account is paused.</summary>
    [Range(1, 100)]
    public int AccountFailuresBeforeDelay { get; set; } = 5;

    /// <summary>Failures per IP address allowed before the address is paused (shared networks need room).</summary>
    [Range(1, 10_000)]
    public int AddressFailuresBeforeDelay { get; set; } = 50;

    /// <summary>The first pause; each further failure doubles it, up to <see cref="MaximumDelay"/>.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest pause: short enough that nobody can keep an owner out, who can also reset the password.</summary>
    public TimeSpan MaximumDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long failures are counted: the window starts at the first failure (a fixed window), and
    /// the count starts again from zero when it ends or when the user signs in.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromHours(1);
}
