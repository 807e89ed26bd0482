using System.Net;

namespace CiamServer.Risk;

/// <summary>Per-tenant counters behind the velocity signals: failed sign-ins per account name and per IP
/// address, and how many different account names were tried from an address. In Redis when
/// <c>Ciam:Redis</c> is configured (shared by all nodes), else in process memory.</summary>
public interface IRiskCounters
{
    /// <summary>All three counts in one round trip. The engine calls this; it records nothing.</summary>
    Task<RiskCounts> ReadAsync(string accountName, IPAddress? address, CancellationToken cancellationToken);

    /// <summary>After a failed attempt (wrong password or code): counts a failure for the account name and the
    /// address, and the name among the names tried from the address.</summary>
    Task RecordFailureAsync(string accountName, IPAddress? address, CancellationToken cancellationToken);

    /// <summary>After any other attempt: counts the name among the names tried from the address.</summary>
    Task RecordAttemptAsync(string accountName, IPAddress? address, CancellationToken cancellationToken);
}
