using System.ComponentModel.DataAnnotations;

namespace CiamServer.Core.Email;

/// <summary><c>Ciam:Email</c>: SMTP in production, or a pickup folder of .eml files in development.</summary>
public sealed class EmailOptions
{
    public const string Section = "Ciam:Email";

    [Required, EmailAddress]
    public string From { get; set; } = "no-reply@localhost";

    public string FromName { get; set; } = "CiamServer";

    /// <summary>When set, messages are written here as .eml files instead of being sent.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; } = new();

    /// <summary>At most this many messages to one address per hour; more are dropped (and logged), so nobody
    /// can flood an inbox through the reset, sign-up or verification forms. The pages answer the same either way.</summary>
    [Range(1, 10_000)]
    public int MaxPerRecipientPerHour { get; set; } = 10;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None (a local mail sink only).</summary>
    public string Security { get; set; } = "Auto";
}
