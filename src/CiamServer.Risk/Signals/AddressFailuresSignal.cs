using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Signals;

/// <summary>Recent failed attempts from this IP address, whatever the account name.</summary>
internal sealed class AddressFailuresSignal(IOptions<RiskOptions> options) : IRiskSignal
{
    public const string Name = "address_failures";

    public RiskReason? Evaluate(RiskInputs inputs)
    {
        var settings = options.Value.FailedAttempts;
        return inputs.AddressFailures >= settings.AddressThreshold
            ? new RiskReason(Name, settings.AddressPoints, "There have been many failed sign-ins from your network recently.")
            : null;
    }
}
