using System.Text;
using CiamServer.Mfa.Totp;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace CiamServer.UnitTests.Mfa;

[Trait("Category", "Unit")]
[Trait("Category", "Mfa")]
public sealed class TotpMathTests
{
    // RFC 6238 appendix B: the SHA-1 seed, and the last six digits of its eight-digit codes.
    private static readonly string RfcSecret = Base32Encoding.ToString(Encoding.ASCII.GetBytes("12345678901234567890"));

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void MatchingStep_Rfc6238Vectors_MatchTheirStep(long unixSeconds, string code)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

        Assert.Equal(unixSeconds / 30, TotpMath.MatchingStep(RfcSecret, code, time, windowSteps: 0));
    }

    [Fact]
    public void MatchingStep_CodeOfTheFakeClocksStep_IsThatStep()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 12, 0, 10, TimeSpan.Zero));
        var secret = TotpMath.NewSecret();

        var code = CodeAt(secret, clock.GetUtcNow());

        Assert.Equal(TotpMath.StepAt(clock.GetUtcNow()), TotpMath.MatchingStep(secret, code, clock.GetUtcNow(), 1));
    }

    [Theory]
    [InlineData(-1, 1, true)]
    [InlineData(1, 1, true)]
    [InlineData(-2, 1, false)]
    [InlineData(2, 1, false)]
    [InlineData(-1, 0, false)]
    [InlineData(1, 0, false)]
    [InlineData(-2, 2, true)]
    public void MatchingStep_CodeStepsAway_AcceptedOnlyInsideTheWindow(int stepsAway, int window, bool accepted)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 12, 0, 10, TimeSpan.Zero));
        var secret = TotpMath.NewSecret();
        var code = CodeAt(secret, clock.GetUtcNow().AddSeconds(30 * stepsAway));

        var step = TotpMath.MatchingStep(secret, code, clock.GetUtcNow(), window);

        Assert.Equal(accepted ? TotpMath.StepAt(clock.GetUtcNow()) + stepsAway : null, step);
    }

    [Fact]
    public void MatchingStep_ClockMovesOnAStep_SameCodeStillNamesItsOwnStep()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 12, 0, 29, TimeSpan.Zero));
        var secret = TotpMath.NewSecret();
        var code = CodeAt(secret, clock.GetUtcNow());
        var step = TotpMath.StepAt(clock.GetUtcNow());

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(step + 1, TotpMath.StepAt(clock.GetUtcNow()));
        Assert.Equal(step, TotpMath.MatchingStep(secret, code, clock.GetUtcNow(), 1));
    }

    [Fact]
    public void MatchingStep_OtherSecretsCode_NoMatch()
    {
        var now = DateTimeOffset.UtcNow;
        var code = CodeAt(TotpMath.NewSecret(), now);
        var secret = TotpMath.NewSecret();

        // One in a million that the other secret's code happens to be this one's too; three steps make it 3 in a million.
        Assert.True(TotpMath.MatchingStep(secret, code, now, 1) is null || CodeAt(secret, now) == code || CodeAt(secret, now.AddSeconds(30)) == code
            || CodeAt(secret, now.AddSeconds(-30)) == code);
    }

    [Fact]
    public void NewSecret_160RandomBitsInBase32()
    {
        var secrets = Enumerable.Range(0, 20).Select(_ => TotpMath.NewSecret()).ToList();

        Assert.All(secrets, s => Assert.Matches("^[A-Z2-7]{32}$", s));
        Assert.All(secrets, s => Assert.Equal(20, Base32Encoding.ToBytes(s).Length));
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("12345", null)]
    [InlineData("1234567", null)]
    [InlineData("12345a", null)]
    [InlineData("１２３４５６", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("123456                                  ", null)]
    public void Normalize_SixAsciiDigitsWithOptionalSpacesOrDash(string? input, string? expected) =>
        Assert.Equal(expected, TotpMath.Normalize(input));

    [Fact]
    public void Grouped_FourCharactersPerGroup() =>
        Assert.Equal("ABCD EFGH IJ", TotpMath.Grouped("ABCDEFGHIJ"));

    private static string CodeAt(string secret, DateTimeOffset time) => new OtpNet.Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(time.UtcDateTime);
}
