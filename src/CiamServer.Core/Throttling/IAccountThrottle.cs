namespace CiamServer.Core.Throttling;

/// <summary>The sign-in throttle's per-account state, as other modules may touch it: an administrator who unlocks
/// an account clears its failure count and pause (the per-address counters stay).</summary>
public interface IAccountThrottle
{
    /// <summary>Forgets the failures and the pause of one account name (an email address or E.164 number).</summary>
    Task ClearAccountAsync(string accountName, CancellationToken cancellationToken);
}
