using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Signals;

/// <summary>Recent failed attempts for this account name (someone guessing its password).</summary>
internal sealed class AccountFailuresSignal(IOptions<RiskOptions> options) : IRiskSignal
{
    public const string Name = "account_failures";

    public RiskReason? Evaluate(RiskInputs inputs)
    {
        var settings = options.Value.FailedAttempts;
        return inputs.AccountFailures >= settings.AccountThreshold
            ? new RiskReason(Name, settings.AccountPoints, "There have been several failed attempts to sign in to this account recently.")
            : null;
    }
}
