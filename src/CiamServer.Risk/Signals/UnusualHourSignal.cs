using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Signals;

/// <summary>A time of day (UTC) far, round the clock, from every recent sign-in of a user with enough of them
/// to have habits.</summary>
internal sealed class UnusualHourSignal(IOptions<RiskOptions> options) : IRiskSignal
{
    public const string Name = "unusual_hour";

    public RiskReason? Evaluate(RiskInputs inputs)
    {
        var settings = options.Value.UnusualHour;
        return inputs.HistoryCount >= settings.MinimumHistory && inputs.HourDistance > settings.ToleranceHours
            ? new RiskReason(Name, settings.Points, "You don't usually sign in at this time of day.")
            : null;
    }
}
