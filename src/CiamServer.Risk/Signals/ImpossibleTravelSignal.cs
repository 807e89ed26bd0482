using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Signals;

/// <summary>Getting here from the latest located sign-in would have needed more than the configured speed
/// (900 km/h, an airliner), over at least the minimum distance (shorter hops are geolocation noise).</summary>
internal sealed class ImpossibleTravelSignal(IOptions<RiskOptions> options) : IRiskSignal
{
    public const string Name = "impossible_travel";

    public RiskReason? Evaluate(RiskInputs inputs)
    {
        var settings = options.Value.ImpossibleTravel;
        return inputs is { DistanceKm: { } distance, SpeedKmh: { } speed }
            && distance >= settings.MinimumDistanceKm && speed > settings.MaxSpeedKmh
            ? new RiskReason(Name, settings.Points, "This sign-in comes from too far away from your last one for you to have travelled there since.")
            : null;
    }
}
