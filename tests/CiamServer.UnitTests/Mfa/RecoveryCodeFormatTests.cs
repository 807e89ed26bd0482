using CiamServer.Mfa.RecoveryCodes;

namespace CiamServer.UnitTests.Mfa;

[Trait("Category", "Unit")]
[Trait("Category", "Mfa")]
public sealed class RecoveryCodeFormatTests
{
    [Fact]
    public void Alphabet_32DistinctCharactersWithoutLookAlikes()
    {
        Assert.Equal(32, RecoveryCodeFormat.Alphabet.Distinct().Count());
        Assert.DoesNotContain('0', RecoveryCodeFormat.Alphabet);
        Assert.DoesNotContain('O', RecoveryCodeFormat.Alphabet);
        Assert.DoesNotContain('1', RecoveryCodeFormat.Alphabet);
        Assert.DoesNotContain('I', RecoveryCodeFormat.Alphabet);
        // 10 characters of 5 bits each.
        Assert.True(RecoveryCodeFormat.Length * Math.Log2(RecoveryCodeFormat.Alphabet.Length) >= 50);
    }

    [Fact]
    public void NewCode_FiveDashFive_FromTheAlphabet_Distinct()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => RecoveryCodeFormat.NewCode()).ToList();

        Assert.All(codes, c => Assert.Matches("^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$", c));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("ABCDE-FGHJK", "ABCDEFGHJK")]
    [InlineData("abcde-fghjk", "ABCDEFGHJK")]
    [InlineData(" abcde fghjk ", "ABCDEFGHJK")]
    [InlineData("ABCDEFGHJK", "ABCDEFGHJK")]
    [InlineData("AB-CD-EF-GH-JK", "ABCDEFGHJK")]
    [InlineData("ABCDE-FGHJ", null)]
    [InlineData("ABCDE-FGHJKL", null)]
    [InlineData("ABCDE-FGHJ0", null)]
    [InlineData("ABCDE-FGHJI", null)]
    [InlineData("ABCDE_FGHJK", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_IgnoresCaseDashesAndSpaces_RefusesOtherInput(string? input, string? expected) =>
        Assert.Equal(expected, RecoveryCodeFormat.Normalize(input));

    [Fact]
    public void Normalize_VeryLongInput_RefusedWithoutLookingAtIt() =>
        Assert.Null(RecoveryCodeFormat.Normalize(new string(' ', 10_000) + "ABCDEFGHJK"));

    [Fact]
    public void Hash_Sha256Hex_DependsOnTheUser()
    {
        var code = RecoveryCodeFormat.Normalize(RecoveryCodeFormat.NewCode())!;

        var first = RecoveryCodeFormat.Hash(Guid.NewGuid(), code);
        var second = RecoveryCodeFormat.Hash(Guid.NewGuid(), code);

        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain(code, first, StringComparison.OrdinalIgnoreCase);
    }
}
