using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Signals;

/// <summary>The browser's device cookie (or its absence) matches none of the user's recent successful
/// sign-ins. Silent on a first-ever sign-in: every device is new then.</summary>
internal sealed class NewDeviceSignal(IOptions<RiskOptions> options) : IRiskSignal
{
    public const string Name = "new_device";

    public RiskReason? Evaluate(RiskInputs inputs) =>
        inputs.DeviceSeenBefore == false
            ? new RiskReason(Name, options.Value.NewDevice.Points, "We don't recognise this device.")
            : null;
}
