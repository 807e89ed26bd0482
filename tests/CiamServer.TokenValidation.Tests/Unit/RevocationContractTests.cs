using CiamServer.TokenValidation.Revocation;

namespace CiamServer.TokenValidation.Tests.Unit;

[Trait("Category", "TokenValidation")]
public sealed class RevocationContractTests
{
    [Fact]
    public void Members_AreKindPrefixedIds()
    {
        Assert.Equal("sid:abc123", RevocationContract.SessionMember("abc123"));
        Assert.Equal("jti:xyz", RevocationContract.TokenMember("xyz"));
        Assert.Equal("sid:abc123|1764391234", new RevocationEntry(RevocationKind.Session, "abc123", 1764391234).Message);
    }

    [Theory]
    [InlineData("sid:abc123|1764391234", RevocationKind.Session, "abc123", 1764391234)]
    [InlineData("jti:x-y_z|1764391234", RevocationKind.Token, "x-y_z", 1764391234)]
    [InlineData("sid:a|b|1764391234", RevocationKind.Session, "a|b", 1764391234)]
    [InlineData("jti:t|1764391233.2", RevocationKind.Token, "t", 1764391234)]
    public void TryParseMessage_ReadsValidMessages(string message, RevocationKind kind, string id, long expiresAt)
    {
        Assert.True(RevocationContract.TryParseMessage(message, out var entry));
        Assert.Equal(new RevocationEntry(kind, id, expiresAt), entry);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sid:abc123")]
    [InlineData("sid:abc123|")]
    [InlineData("sid:abc123|soon")]
    [InlineData("sid:|1764391234")]
    [InlineData("abc123|1764391234")]
    [InlineData("SID:abc123|1764391234")]
    [InlineData("|1764391234")]
    public void TryParseMessage_RefusesAnythingElse(string? message) =>
        Assert.False(RevocationContract.TryParseMessage(message, out _));
}
