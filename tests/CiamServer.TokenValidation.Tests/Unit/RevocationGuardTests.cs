using CiamServer.TokenValidation.Internal;
using CiamServer.TokenValidation.Revocation;
using Microsoft.Extensions.Time.Testing;

namespace CiamServer.TokenValidation.Tests.Unit;

[Trait("Category", "TokenValidation")]
public sealed class RevocationGuardTests
{
    private static readonly TimeSpan FailClosedAfter = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new();
    private readonly RevocationSet _set = new();
    private readonly RevocationFreshness _freshness;

    public RevocationGuardTests() => _freshness = new RevocationFreshness(_clock, FailClosedAfter);

    [Fact]
    public void NeverLoaded_IsUnavailable() =>
        Assert.Equal(RevocationVerdict.Unavailable, Guard().Evaluate("s", "t"));

    [Fact]
    public void Current_AcceptsUnrevokedAndRefusesRevoked()
    {
        _freshness.Confirm(_clock.GetTimestamp());
        _set.Add(new RevocationEntry(RevocationKind.Session, "revoked-session", long.MaxValue));
        _set.Add(new RevocationEntry(RevocationKind.Token, "revoked-token", long.MaxValue));

        Assert.Equal(RevocationVerdict.Accepted, Guard().Evaluate("s", "t"));
        Assert.Equal(RevocationVerdict.Accepted, Guard().Evaluate(null, "t"));
        Assert.Equal(RevocationVerdict.Revoked, Guard().Evaluate("revoked-session", "t"));
        Assert.Equal(RevocationVerdict.Revoked, Guard().Evaluate("s", "revoked-token"));
    }

    [Fact]
    public void UnconfirmedLongerThanFailClosedAfter_IsUnavailable_UnlessFailOpen()
    {
        _freshness.Confirm(_clock.GetTimestamp());
        _clock.Advance(FailClosedAfter);
        Assert.Equal(RevocationVerdict.Accepted, Guard().Evaluate("s", "t"));

        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(RevocationVerdict.Unavailable, Guard().Evaluate("s", "t"));
        Assert.Equal(RevocationVerdict.Accepted, Guard(failOpen: true).Evaluate("s", "t"));
    }

    [Fact]
    public void Stale_StillReportsKnownRevocations()
    {
        _set.Add(new RevocationEntry(RevocationKind.Session, "revoked-session", long.MaxValue));

        Assert.Equal(RevocationVerdict.Revoked, Guard(failOpen: true).Evaluate("revoked-session", null));
    }

    private RevocationGuard Guard(bool failOpen = false) => new(_set, _freshness, failOpen);
}
