using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Signals;

/// <summary>The address is in <c>Ciam:Risk:DenyList</c>.</summary>
internal sealed class DenyListSignal(IOptions<RiskOptions> options) : IRiskSignal
{
    public const string Name = "deny_list";

    public RiskReason? Evaluate(RiskInputs inputs) =>
        inputs.DenyListMatch is null
            ? null
            : new RiskReason(Name, options.Value.DenyListPoints, "Sign-ins from your network are blocked.");
}
