using CiamServer.Admin.Keys;
using CiamServer.Core.Keys;

namespace CiamServer.UnitTests.Admin;

public sealed class KeyStateTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, null, null, KeyStates.Pending)]
    [InlineData(-1, null, null, KeyStates.Active)]
    [InlineData(-1, 1, 25, KeyStates.Active)]
    [InlineData(-48, -1, 24, KeyStates.Retiring)]
    [InlineData(-48, -25, -1, KeyStates.Expired)]
    public void StateOf(int activatesInHours, int? retiresInHours, int? expiresInHours, string expected)
    {
        var key = new SigningKeyRecord
        {
            Id = "kid", Use = KeyUses.Signing, Algorithm = "RS256", ProtectedPrivateKey = "x",
            ActivatesAt = Now.AddHours(activatesInHours),
            RetiredAt = retiresInHours is { } r ? Now.AddHours(r) : null,
            ExpiresAt = expiresInHours is { } e ? Now.AddHours(e) : null,
        };

        Assert.Equal(expected, KeyResource.StateOf(key, Now));
    }
}
