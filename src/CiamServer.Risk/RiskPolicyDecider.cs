using CiamServer.Core.Tenancy;

namespace CiamServer.Risk;

/// <summary>Turns a score into a decision with a tenant's thresholds. Pure, so an admin can try a changed
/// policy over stored attempts (<see cref="DryRun"/>) before saving it.</summary>
public static class RiskPolicyDecider
{
    /// <summary>From <see cref="TenantRiskPolicy.DenyAt"/> deny, else from <see cref="TenantRiskPolicy.StepUpAt"/>
    /// step up, else allow. Deny wins when a policy puts the step-up threshold above the deny threshold.</summary>
    public static RiskDecision Decide(int score, TenantRiskPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (score >= policy.DenyAt)
        {
            return RiskDecision.Deny;
        }

        return score >= policy.StepUpAt ? RiskDecision.StepUp : RiskDecision.Allow;
    }

    /// <summary>How many of these scores (e.g. the stored attempts of the last 30 days) each decision would get.</summary>
    public static RiskDryRun DryRun(IEnumerable<int> scores, TenantRiskPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int allow = 0, stepUp = 0, deny = 0;
        foreach (var score in scores)
        {
            switch (Decide(score, policy))
            {
                case RiskDecision.Deny:
                    deny++;
                    break;
                case RiskDecision.StepUp:
                    stepUp++;
                    break;
                default:
                    allow++;
                    break;
            }
        }

        return new RiskDryRun(allow, stepUp, deny);
    }

    /// <summary>The value stored in <c>SignInAttempt.Decision</c>: <c>allow</c>, <c>step_up</c> or <c>deny</c>.</summary>
    public static string ToStoredValue(this RiskDecision decision) => decision switch
    {
        RiskDecision.Allow => "allow",
        RiskDecision.StepUp => "step_up",
        RiskDecision.Deny => "deny",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };
}

/// <summary>Counts of each decision in a dry run.</summary>
public sealed record RiskDryRun(int Allow, int StepUp, int Deny);
