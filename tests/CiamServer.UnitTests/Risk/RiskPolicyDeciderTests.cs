using CiamServer.Core.Tenancy;
using CiamServer.Risk;

namespace CiamServer.UnitTests.Risk;

[Trait("Category", "Unit")]
[Trait("Category", "Risk")]
public sealed class RiskPolicyDeciderTests
{
    [Theory]
    [InlineData(0, RiskDecision.Allow)]
    [InlineData(39, RiskDecision.Allow)]
    [InlineData(40, RiskDecision.StepUp)]
    [InlineData(89, RiskDecision.StepUp)]
    [InlineData(90, RiskDecision.Deny)]
    [InlineData(100, RiskDecision.Deny)]
    public void Decide_DefaultPolicy_ThresholdsInclusive(int score, RiskDecision expected) =>
        Assert.Equal(expected, RiskPolicyDecider.Decide(score, new TenantRiskPolicy()));

    [Fact]
    public void Decide_StepUpAboveDeny_DenyWins()
    {
        var policy = new TenantRiskPolicy { StepUpAt = 80, DenyAt = 50 };

        Assert.Equal(RiskDecision.Allow, RiskPolicyDecider.Decide(49, policy));
        Assert.Equal(RiskDecision.Deny, RiskPolicyDecider.Decide(60, policy));
        Assert.Equal(RiskDecision.Deny, RiskPolicyDecider.Decide(90, policy));
    }

    [Fact]
    public void Decide_DenyAbove100_NeverDenies()
    {
        var policy = new TenantRiskPolicy { StepUpAt = 30, DenyAt = 101 };

        Assert.Equal(RiskDecision.StepUp, RiskPolicyDecider.Decide(100, policy));
    }

    [Fact]
    public void DryRun_ChangedPolicy_CountsEachDecision()
    {
        int[] stored = [0, 10, 25, 40, 45, 70, 90, 100];

        Assert.Equal(new RiskDryRun(3, 3, 2), RiskPolicyDecider.DryRun(stored, new TenantRiskPolicy()));
        Assert.Equal(new RiskDryRun(2, 3, 3), RiskPolicyDecider.DryRun(stored, new TenantRiskPolicy { StepUpAt = 20, DenyAt = 70 }));
    }

    [Theory]
    [InlineData(RiskDecision.Allow, "allow")]
    [InlineData(RiskDecision.StepUp, "step_up")]
    [InlineData(RiskDecision.Deny, "deny")]
    public void ToStoredValue_EachDecision_SignInAttemptSpelling(RiskDecision decision, string stored) =>
        Assert.Equal(stored, decision.ToStoredValue());
}
