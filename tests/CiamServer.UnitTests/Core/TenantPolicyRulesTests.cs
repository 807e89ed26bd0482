using CiamServer.Core.Tenancy;

namespace CiamServer.UnitTests.Core;

[Trait("Category", "Unit")]
[Trait("Category", "Tenancy")]
public sealed class TenantPolicyRulesTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(15)]
    [InlineData(64)]
    [InlineData(null)]
    public void Password_MinLengthInRangeOrLeftOut_NoProblem(int? minLength) => Assert.Empty(TenantPolicyRules.Password(minLength));

    [Theory]
    [InlineData(7)]
    [InlineData(65)]
    [InlineData(-1)]
    public void Password_MinLengthOutOfRange_ProblemOnMinLength(int minLength) =>
        Assert.Equal("minLength", Assert.Single(TenantPolicyRules.Password(minLength)).Field);

    [Theory]
    [InlineData(0, 60, "idleTimeoutMinutes")]
    [InlineData(43201, 60, "idleTimeoutMinutes")]
    [InlineData(30, 0, "absoluteLifetimeMinutes")]
    [InlineData(30, 525601, "absoluteLifetimeMinutes")]
    public void Session_OutOfRange_ProblemOnTheField(int idle, int absolute, string field) =>
        Assert.Equal(field, Assert.Single(TenantPolicyRules.Session(idle, absolute)).Field);

    [Theory]
    [InlineData("off", MfaMode.Off)]
    [InlineData("Required", MfaMode.Required)]
    [InlineData("ADAPTIVE", MfaMode.Adaptive)]
    [InlineData("optional", MfaMode.Optional)]
    public void ParseMfaMode_Name_AnyCase(string mode, MfaMode expected) => Assert.Equal(expected, TenantPolicyRules.ParseMfaMode(mode));

    [Theory]
    [InlineData("2")]
    [InlineData("sometimes")]
    [InlineData("")]
    [InlineData("Off, Required")]
    [InlineData(null)]
    public void ParseMfaMode_NotAName_Null(string? mode) => Assert.Null(TenantPolicyRules.ParseMfaMode(mode));

    [Fact]
    public void Mfa_BadModeRolesAndDays_OneProblemEach()
    {
        var problems = TenantPolicyRules.Mfa("2", ["ok", "a,b"], 366).Select(p => p.Field).ToList();

        Assert.Equal(["mode", "rememberDeviceDays", "requiredForRoles"], problems);
    }

    [Theory]
    [InlineData(40, 90)]
    [InlineData(1, 1)]
    [InlineData(101, 101)]
    [InlineData(50, 101)]
    public void Risk_InRangeStepUpNotAboveDeny_NoProblem(int stepUpAt, int denyAt) => Assert.Empty(TenantPolicyRules.Risk(stepUpAt, denyAt));

    [Theory]
    [InlineData(0, 90, "stepUpAt")]
    [InlineData(102, 101, "stepUpAt")]
    [InlineData(40, 0, "denyAt")]
    [InlineData(40, 102, "denyAt")]
    [InlineData(60, 50, "stepUpAt")]
    public void Risk_Wrong_ProblemOnTheField(int stepUpAt, int denyAt, string field) =>
        Assert.Equal(field, Assert.Single(TenantPolicyRules.Risk(stepUpAt, denyAt)).Field);

    [Theory]
    [InlineData(false, false, false, false, false, "at least one way to sign in")]
    [InlineData(false, false, false, false, true, "passkeys need emailCode or emailLink")]
    public void SignIn_NoUsableWay_ProblemOnTheGroup(bool password, bool emailLink, bool emailCode, bool smsCode, bool passkey, string message)
    {
        var problem = Assert.Single(TenantPolicyRules.SignIn(password, emailLink, emailCode, smsCode, passkey));

        Assert.Equal(string.Empty, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, false, false, false)]
    [InlineData(false, false, true, false, false)]
    [InlineData(false, true, false, false, true)]
    [InlineData(false, false, false, true, false)]
    [InlineData(false, false, false, true, true)]
    public void SignIn_AUsableWay_NoProblem(bool password, bool emailLink, bool emailCode, bool smsCode, bool passkey) =>
        Assert.Empty(TenantPolicyRules.SignIn(password, emailLink, emailCode, smsCode, passkey));
}
