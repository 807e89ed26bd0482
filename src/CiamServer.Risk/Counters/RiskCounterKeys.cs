using System.Net;
using CiamServer.Core.Tenancy;
using CiamServer.Risk.Networks;

namespace CiamServer.Risk.Counters;

/// <summary>Counter names, per tenant: <c>ciam:{tenant:N}:risk:fail:acct:{NAME}</c>,
/// <c>ciam:{tenant:N}:risk:fail:ip:{address}</c> and <c>ciam:{tenant:N}:risk:names:ip:{address}</c>
/// (a HyperLogLog of the names tried from the address).</summary>
internal readonly record struct RiskCounterKeys(string AccountFailures, string? AddressFailures, string? AddressAccounts)
{
    public static RiskCounterKeys For(ITenantContext tenants, string accountName, IPAddress? address)
    {
        ArgumentNullException.ThrowIfNull(accountName);
        var prefix = $"ciam:{tenants.Required.Id:N}:risk:";
        var ip = address is null ? null : Cidr.Normalize(address).ToString();
        return new RiskCounterKeys(
            prefix + "fail:acct:" + accountName.ToUpperInvariant(),
            ip is null ? null : prefix + "fail:ip:" + ip,
            ip is null ? null : prefix + "names:ip:" + ip);
    }

    /// <summary>What the address HyperLogLog holds for a name.</summary>
    public static string Member(string accountName) => accountName.ToUpperInvariant();
}
