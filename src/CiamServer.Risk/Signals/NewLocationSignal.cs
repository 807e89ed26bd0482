using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Signals;

/// <summary>A country none of the user's recent successful sign-ins came from; else a network (IPv4 /24,
/// IPv6 /48) none came from, for fewer points. Silent when either side is not known.</summary>
internal sealed class NewLocationSignal(IOptions<RiskOptions> options) : IRiskSignal
{
    public const string CountryName = "new_country";
    public const string NetworkName = "new_network";

    public RiskReason? Evaluate(RiskInputs inputs)
    {
        var settings = options.Value.NewLocation;
        if (inputs.CountrySeenBefore == false)
        {
            return new RiskReason(CountryName, settings.CountryPoints, "You haven't signed in from this country before.");
        }

        return inputs.NetworkSeenBefore == false
            ? new RiskReason(NetworkName, settings.NetworkPoints, "You haven't signed in from this network before.")
            : null;
    }
}
