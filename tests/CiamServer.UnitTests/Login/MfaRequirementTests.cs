using CiamServer.Core.Tenancy;
using CiamServer.Login.SignIn;

namespace CiamServer.UnitTests.Login;

[Trait("Category", "Unit")]
[Trait("Category", "Mfa")]
public sealed class MfaRequirementTests
{
    private static MfaFacts Facts(MfaMode mode, bool role = false, bool stepUp = false, string[]? methods = null, bool remembered = false, bool hasFactor = true) =>
        new(mode, role, stepUp, methods ?? ["pwd"], remembered, hasFactor);

    [Theory]
    [InlineData(MfaMode.Off, MfaNeed.None)]
    [InlineData(MfaMode.Optional, MfaNeed.Challenge)]
    [InlineData(MfaMode.Required, MfaNeed.Challenge)]
    [InlineData(MfaMode.Adaptive, MfaNeed.None)]
    public void EnrolledUser_LowRisk_NewDevice(MfaMode mode, MfaNeed expected) =>
        Assert.Equal(expected, MfaRequirement.Decide(Facts(mode)));

    [Theory]
    [InlineData(MfaMode.Off, MfaNeed.None)]
    [InlineData(MfaMode.Optional, MfaNeed.None)]
    [InlineData(MfaMode.Required, MfaNeed.Enrol)]
    [InlineData(MfaMode.Adaptive, MfaNeed.None)]
    public void UserWithoutSecondFactor_LowRisk(MfaMode mode, MfaNeed expected) =>
        Assert.Equal(expected, MfaRequirement.Decide(Facts(mode, hasFactor: false)));

    [Fact]
    public void Adaptive_RiskSaysStepUp_Challenges_EvenOnARememberedDevice() =>
        Assert.Equal(MfaNeed.Challenge, MfaRequirement.Decide(Facts(MfaMode.Adaptive, stepUp: true, remembered: true)));

    [Fact]
    public void Adaptive_StepUpWithoutAnyFactor_FallsBackToACode() =>
        Assert.Equal(MfaNeed.FallbackCode, MfaRequirement.Decide(Facts(MfaMode.Adaptive, stepUp: true, hasFactor: false)));

    [Theory]
    [InlineData(MfaMode.Optional)]
    [InlineData(MfaMode.Required)]
    public void RememberedDevice_SkipsThePolicyChallenge(MfaMode mode) =>
        Assert.Equal(MfaNeed.None, MfaRequirement.Decide(Facts(mode, remembered: true)));

    [Theory]
    [InlineData(MfaMode.Off)]
    [InlineData(MfaMode.Adaptive)]
    public void RoleRequiringMfa_ChallengesWhateverTheMode(MfaMode mode) =>
        Assert.Equal(MfaNeed.Challenge, MfaRequirement.Decide(Facts(mode, role: true)));

    [Theory]
    [InlineData(MfaMode.Required)]
    [InlineData(MfaMode.Adaptive)]
    public void MultiFactorPasskey_IsEnoughAlready(MfaMode mode) =>
        Assert.Equal(MfaNeed.None, MfaRequirement.Decide(Facts(mode, stepUp: true, role: true, methods: ["hwk", "mfa"])));

    [Fact]
    public void Off_RiskStepUp_IsNotAsked() =>
        Assert.Equal(MfaNeed.None, MfaRequirement.Decide(Facts(MfaMode.Off, stepUp: true)));

    [Fact]
    public void MayAsk_IsFalseOnlyWhereDecideSaysNoneWhateverTheUserHas()
    {
        foreach (var mode in Enum.GetValues<MfaMode>())
        {
            foreach (var roles in new[] { null, "support" })
            {
                foreach (var stepUp in new[] { false, true })
                {
                    foreach (var methods in new[] { new[] { "pwd" }, ["hwk", "mfa"] })
                    {
                        var policy = new TenantMfaPolicy { Mode = mode, RequiredForRoles = roles };
                        if (MfaRequirement.MayAsk(policy, stepUp, methods))
                        {
                            continue;
                        }

                        foreach (var (inRole, remembered, hasFactor) in new[] { (false, false, false), (true, false, true), (false, true, true), (true, false, false), (false, false, true) })
                        {
                            Assert.Equal(MfaNeed.None, MfaRequirement.Decide(new MfaFacts(mode, inRole && roles is not null, stepUp, methods, remembered, hasFactor)));
                        }
                    }
                }
            }
        }
    }
}
