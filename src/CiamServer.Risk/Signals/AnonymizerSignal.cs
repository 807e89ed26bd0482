using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Signals;

/// <summary>The address is in the anonymising-network list (Tor exit nodes, open proxies).</summary>
internal sealed class AnonymizerSignal(IOptions<RiskOptions> options) : IRiskSignal
{
    public const string Name = "anonymizer";

    public RiskReason? Evaluate(RiskInputs inputs) =>
        inputs.AnonymizerMatch is null
            ? null
            : new RiskReason(Name, options.Value.AnonymizerPoints, "You seem to be using an anonymising network, such as Tor.");
}
