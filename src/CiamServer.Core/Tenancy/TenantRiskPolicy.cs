namespace CiamServer.Core.Tenancy;

/// <summary>How a risk score (0-100) turns into a decision: below <see cref="StepUpAt"/> allow, from it ask for a
/// second factor (adaptive mode), from <see cref="DenyAt"/> refuse.</summary>
public sealed class TenantRiskPolicy
{
    public int StepUpAt { get; set; } = 40;

    public int DenyAt { get; set; } = 90;
}
