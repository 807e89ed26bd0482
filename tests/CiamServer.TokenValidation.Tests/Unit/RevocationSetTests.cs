using CiamServer.TokenValidation.Internal;
using CiamServer.TokenValidation.Revocation;

namespace CiamServer.TokenValidation.Tests.Unit;

[Trait("Category", "TokenValidation")]
public sealed class RevocationSetTests
{
    [Fact]
    public void Add_KeepsSessionsAndTokensApart()
    {
        var set = new RevocationSet();
        set.Add(new RevocationEntry(RevocationKind.Session, "same", 100));

        Assert.True(set.IsSessionRevoked("same"));
        Assert.False(set.IsTokenRevoked("same"));
    }

    [Fact]
    public void Add_NeverShortensAnEntry()
    {
        var set = new RevocationSet();
        set.Add(new RevocationEntry(RevocationKind.Token, "t", 200));
        set.Add(new RevocationEntry(RevocationKind.Token, "t", 100));

        Assert.Equal(0, set.Prune(150));
        Assert.True(set.IsTokenRevoked("t"));
    }

    [Fact]
    public void Prune_DropsOnlyExpiredEntries()
    {
        var set = new RevocationSet();
        set.Add(new RevocationEntry(RevocationKind.Session, "old", 99));
        set.Add(new RevocationEntry(RevocationKind.Token, "current", 100));

        Assert.Equal(1, set.Prune(100));
        Assert.False(set.IsSessionRevoked("old"));
        Assert.True(set.IsTokenRevoked("current"));
    }
}
