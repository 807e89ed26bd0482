namespace CiamServer.Risk;

public enum RiskDecision
{
    /// <summary>Below the tenant's step-up threshold.</summary>
    Allow,

    /// <summary>Ask for a second factor (when the tenant's MFA mode is adaptive).</summary>
    StepUp,

    /// <summary>Refuse the sign-in.</summary>
    Deny,
}
