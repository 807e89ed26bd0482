using System.Net;
using CiamServer.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Counters;

/// <summary>The counters in process memory, for a single node without Redis.</summary>
internal sealed class MemoryRiskCounters(MemoryRiskCounterStore store, ITenantContext tenants, IOptions<RiskOptions> options)
    : IRiskCounters
{
    public Task<RiskCounts> ReadAsync(string accountName, IPAddress? address, CancellationToken cancellationToken)
    {
        var keys = RiskCounterKeys.For(tenants, accountName, address);
        return Task.FromResult(new RiskCounts(
            store.Count(keys.AccountFailures),
            keys.AddressFailures is null ? 0 : store.Count(keys.AddressFailures),
            keys.AddressAccounts is null ? 0 : store.Count(keys.AddressAccounts)));
    }

    public Task RecordFailureAsync(string accountName, IPAddress? address, CancellationToken cancellationToken)
    {
        var keys = RiskCounterKeys.For(tenants, accountName, address);
        var window = options.Value.FailedAttempts.Window;
        store.Increment(keys.AccountFailures, window);
        if (keys.AddressFailures is not null)
        {
            store.Increment(keys.AddressFailures, window);
        }

        return RecordAttemptAsync(accountName, address, cancellationToken);
    }

    public Task RecordAttemptAsync(string accountName, IPAddress? address, CancellationToken cancellationToken)
    {
        var keys = RiskCounterKeys.For(tenants, accountName, address);
        if (keys.AddressAccounts is not null)
        {
            store.AddMember(keys.AddressAccounts, RiskCounterKeys.Member(accountName), options.Value.ManyAccounts.Window);
        }

        return Task.CompletedTask;
    }
}
