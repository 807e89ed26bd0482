using CiamServer.Core.Tenancy;

namespace CiamServer.Login.SignIn;

/// <summary>Whether a sign-in that passed its first factor also needs a second one, by the tenant's policy,
/// the user's roles, the risk decision and the device. Pure, so every combination has a unit test.</summary>
public static class MfaRequirement
{
    /// <summary>False when <see cref="Decide"/> answers <see cref="MfaNeed.None"/> whatever the user's factors,
    /// roles and device: the caller then need not read them.</summary>
    public static bool MayAsk(TenantMfaPolicy policy, bool riskSaysStepUp, IReadOnlyCollection<string> firstFactorMethods) =>
        !firstFactorMethods.Contains("mfa", StringComparer.Ordinal)
        && (policy.RolesRequiringMfa.Count > 0
            || policy.Mode is MfaMode.Optional or MfaMode.Required
            || (policy.Mode == MfaMode.Adaptive && riskSaysStepUp));

    public static MfaNeed Decide(MfaFacts facts)
    {
        // A passkey with user verification is already two factors (something you have, and a PIN or biometric).
        if (facts.FirstFactorMethods.Contains("mfa", StringComparer.Ordinal))
        {
            return MfaNeed.None;
        }

        // Risk asks for proof on this sign-in: a remembered device does not skip it (the risk may be that device).
        if (facts.RiskSaysStepUp && facts.Mode == MfaMode.Adaptive)
        {
            return facts.HasSecondFactor ? MfaNeed.Challenge : MfaNeed.FallbackCode;
        }

        var required = facts.Mode == MfaMode.Required || facts.InRoleRequiringMfa || (facts.Mode == MfaMode.Optional && facts.HasSecondFactor);
        if (!required || facts.DeviceRemembered)
        {
            return MfaNeed.None;
        }

        return facts.HasSecondFactor ? MfaNeed.Challenge : MfaNeed.Enrol;
    }
}

/// <summary>What <see cref="MfaRequirement"/> decides from.</summary>
public sealed record MfaFacts(
    MfaMode Mode,
    bool InRoleRequiringMfa,
    bool RiskSaysStepUp,
    IReadOnlyCollection<string> FirstFactorMethods,
    bool DeviceRemembered,
    bool HasSecondFactor);

public enum MfaNeed
{
    None,

    /// <summary>Ask for one of the user's second factors.</summary>
    Challenge,

    /// <summary>The policy needs a second factor the user does not have: set up an authenticator app now.</summary>
    Enrol,

    /// <summary>Risk wants proof and the user has no second factor: a code to the verified email or phone.</summary>
    FallbackCode,
}
