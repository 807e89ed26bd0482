using CiamServer.Core.Users;
using CiamServer.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CiamServer.UnitTests.Admin;

public sealed class IdentityPasswordHashTests
{
    [Fact]
    public void IsValid_AHashIdentityMade_True() =>
        Assert.True(IdentityPasswordHash.IsValid(new PasswordHasher<CiamUser>().HashPassword(new CiamUser(), "a long test passphrase")));

    [Fact]
    public void IsValid_AVersion2Hash_False()
    {
        var v2 = new PasswordHasher<CiamUser>(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }));
        Assert.False(IdentityPasswordHash.IsValid(v2.HashPassword(new CiamUser(), "a long test passphrase")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("bm90IGEgaGFzaA==")]
    [InlineData("$2b$12$abcdefghijklmnopqrstuv")]
    public void IsValid_Other_False(string hash) => Assert.False(IdentityPasswordHash.IsValid(hash));

    [Fact]
    public void IsValid_CutShort_False()
    {
        var hash = Convert.FromBase64String(new PasswordHasher<CiamUser>().HashPassword(new CiamUser(), "a long test passphrase"));
        Assert.False(IdentityPasswordHash.IsValid(Convert.ToBase64String(hash[..20])));
    }
}
