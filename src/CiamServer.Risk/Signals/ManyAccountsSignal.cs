using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Signals;

/// <summary>Credential stuffing: many different account names tried from this address recently.</summary>
internal sealed class ManyAccountsSignal(IOptions<RiskOptions> options) : IRiskSignal
{
    public const string Name = "many_accounts";

    public RiskReason? Evaluate(RiskInputs inputs)
    {
        var settings = options.Value.ManyAccounts;
        return inputs.AddressAccounts >= settings.Threshold
            ? new RiskReason(Name, settings.Points, "Many different accounts have been tried from your network recently.")
            : null;
    }
}
