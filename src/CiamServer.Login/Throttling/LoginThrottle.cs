using System.Net;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Throttling;
using CiamServer.Risk;
using Microsoft.Extensions.Options;

namespace CiamServer.Login.Throttling;

/// <summary>Exponential back-off after repeated failures, per account name and per IP address. Names that
/// match no account are counted the same way, so a pause reveals nothing about which accounts exist.</summary>
public sealed class LoginThrottle(ICounterStore counters, IRiskCounters riskCounters, ITenantContext tenants, IOptions<LoginOptions> options)
    : IAccountThrottle
{
    private ThrottlingOptions Settings => options.Value.Throttling;

    /// <summary>True when this account name or address is paused and the attempt must not be checked.</summary>
    public async Task<bool> IsPausedAsync(string accountName, string? address, CancellationToken cancellationToken) =>
        await counters.GetAsync(PauseKey("acct", accountName), cancellationToken) > 0
        || (address is not null && await counters.GetAsync(PauseKey("ip", address), cancellationToken) > 0);

    public async Task RecordFailureAsync(string accountName, string? address, CancellationToken cancellationToken)
    {
        // The risk engine's velocity and credential-stuffing signals count the same failures.
        await riskCounters.RecordFailureAsync(accountName.ToUpperInvariant(), IPAddress.TryParse(address, out var ip) ? ip : null, cancellationToken);
        await RecordAsync("acct", accountName, Settings.AccountFailuresBeforeDelay, cancellationToken);
        if (address is not null)
        {
            await RecordAsync("ip", address, Settings.AddressFailuresBeforeDelay, cancellationToken);
        }
    }

    public Task RecordSuccessAsync(string accountName, CancellationToken cancellationToken) =>
        counters.ResetAsync(FailureKey("acct", accountName), cancellationToken);

    public async Task ClearAccountAsync(string accountName, CancellationToken cancellationToken)
    {
        await counters.ResetAsync(FailureKey("acct", accountName), cancellationToken);
        await counters.ResetAsync(PauseKey("acct", accountName), cancellationToken);
    }

    private async Task RecordAsync(string kind, string value, int allowed, CancellationToken cancellationToken)
    {
        var failures = await counters.IncrementAsync(FailureKey(kind, value), Settings.FailureWindow, cancellationToken);
        if (failures >= allowed)
        {
            await counters.IncrementAsync(PauseKey(kind, value), PauseFor(failures - allowed), cancellationToken);
        }
    }

    internal TimeSpan PauseFor(long failuresOverLimit)
    {
        var doublings = (int)Math.Min(failuresOverLimit, 20);
        var delay = Settings.FirstDelay * Math.Pow(2, doublings);
        return delay < Settings.MaximumDelay ? delay : Settings.MaximumDelay;
    }

    private string FailureKey(string kind, string value) => $"ciam:{tenants.Required.Id:N}:login-fail:{kind}:{value.ToUpperInvariant()}";

    private string PauseKey(string kind, string value) => $"ciam:{tenants.Required.Id:N}:login-pause:{kind}:{value.ToUpperInvariant()}";
}
