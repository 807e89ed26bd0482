namespace CiamServer.Risk;

/// <summary>The counts in their windows (<c>Ciam:Risk:FailedAttempts:Window</c>, <c>Ciam:Risk:ManyAccounts:Window</c>).</summary>
/// <param name="AccountFailures">Failed attempts for the account name.</param>
/// <param name="AddressFailures">Failed attempts from the IP address, whatever the name.</param>
/// <param name="AddressAccounts">Distinct account names tried from the IP address (HyperLogLog: about 1% off).</param>
public sealed record RiskCounts(long AccountFailures, long AddressFailures, long AddressAccounts);
