using CiamServer.Admin.Users;

namespace CiamServer.UnitTests.Admin;

[Trait("Category", "Unit")]
[Trait("Category", "Admin")]
public sealed class UserQueryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NoText_All(string? text) => Assert.Equal(UserQuery.All, UserQuery.Parse(text, "US"));

    [Theory]
    [InlineData("0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")]
    [InlineData(" {0192B3C4-5D6E-7F80-9A1B-2C3D4E5F6A7B} ")]
    [InlineData("0192b3c45d6e7f809a1b2c3d4e5f6a7b")]
    public void Parse_Guid_IdInItsCanonicalForm(string text) =>
        Assert.Equal(new UserQuery(UserQueryKind.Id, "0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b"), UserQuery.Parse(text, "US"));

    [Theory]
    [InlineData("alice@example.com", "ALICE@EXAMPLE.COM")]
    [InlineData("  Alice@Ex ", "ALICE@EX")]
    [InlineData("@example", "@EXAMPLE")]
    [InlineData("élodie@exemple.fr", "ÉLODIE@EXEMPLE.FR")]
    public void Parse_TextWithAt_EmailPrefixNormalisedAsIdentityDoes(string text, string value) =>
        Assert.Equal(new UserQuery(UserQueryKind.Email, value), UserQuery.Parse(text, "US"));

    [Theory]
    [InlineData("(201) 555-0123", "US", "+12015550123")]
    [InlineData("+44 7400 123456", "US", "+447400123456")]
    [InlineData("07400 123456", "GB", "+447400123456")]
    [InlineData("201.555.0123", "US", "+12015550123")]
    public void Parse_ValidPhoneNumber_ExactE164(string text, string region, string e164) =>
        Assert.Equal(new UserQuery(UserQueryKind.Phone, e164), UserQuery.Parse(text, region));

    [Theory]
    [InlineData("+44", "+44")]
    [InlineData("+1 (415) 55", "+141555")]
    [InlineData("0044 7400", "+447400")]
    [InlineData("555", "+555")]
    [InlineData("+4", "+4")]
    public void Parse_PartOfANumber_PrefixOfTheE164Form(string text, string prefix) =>
        Assert.Equal(new UserQuery(UserQueryKind.PhonePrefix, prefix), UserQuery.Parse(text, "US"));

    [Fact]
    public void Parse_VeryLongDigitString_PrefixCutAtE164Length() =>
        Assert.Equal(new UserQuery(UserQueryKind.PhonePrefix, "+123456789012345"), UserQuery.Parse("+12345678901234567890", "US"));

    [Theory]
    [InlineData("alice", "ALICE")]
    [InlineData("  Alice   Smith ", "ALICE SMITH")]
    [InlineData("o'brien", "O'BRIEN")]
    [InlineData("Zoë", "ZOË")]
    [InlineData("alice.smith", "ALICE.SMITH")]
    [InlineData("42", "42")]
    [InlineData("+", "+")]
    [InlineData("R2-D2", "R2-D2")]
    [InlineData("0192b3c4-5d6e", "0192B3C4-5D6E")]
    public void Parse_AnythingElse_NamePrefixUpperCaseWithSingleSpaces(string text, string value) =>
        Assert.Equal(new UserQuery(UserQueryKind.Name, value), UserQuery.Parse(text, "US"));

    [Fact]
    public void Fingerprint_DiffersBetweenSearches_SameForTheSameSearch()
    {
        Assert.Equal(UserQuery.Parse("alice", "US").Fingerprint(), UserQuery.Parse(" ALICE ", "US").Fingerprint());
        Assert.NotEqual(UserQuery.Parse("alice", "US").Fingerprint(), UserQuery.Parse("alicia", "US").Fingerprint());
        Assert.NotEqual(UserQuery.Parse("alice@", "US").Fingerprint(), UserQuery.Parse("alice", "US").Fingerprint());
    }

    [Fact]
    public void Cursor_RoundTrips_OnlyForItsOwnSearch()
    {
        var cursor = new UserCursor("ALICE SMITH", Guid.CreateVersion7(), UserQuery.Parse("alice", "US").Fingerprint());

        Assert.True(UserCursor.TryDecode(cursor.Encode(), cursor.Search, out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.False(UserCursor.TryDecode(cursor.Encode(), UserQuery.Parse("alicia", "US").Fingerprint(), out _));
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("e30")]
    [InlineData("bnVsbA")]
    [InlineData("%%%")]
    public void Cursor_Garbage_Refused(string text) => Assert.False(UserCursor.TryDecode(text, "ABC", out _));
}
