using CiamServer.Core.Data;
using CiamServer.IntegrationTests.Support;
using CiamServer.Core.Sessions;
using CiamServer.TokenValidation.Revocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Sessions;

[Trait("Category", "Sessions")]
public sealed class RefreshTokenReuseTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task ReusedRefreshToken_EndsItsSession_SsoCookieAndAccessTokensStopWorking()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: SessionTestClients.ApiScope));
        var sessionId = new JsonWebToken(tokens.AccessToken).GetClaim("sid").Value;
        var rotated = await flow.RefreshAsync(tokens["refresh_token"]!);
        Assert.True(await SessionTestClients.IsActiveAsync(Server, flow, rotated.AccessToken));

        var replay = await flow.RefreshAsync(tokens["refresh_token"]!);

        Assert.Equal("invalid_grant", replay.Error);
        Assert.False(await SessionTestClients.IsActiveAsync(Server, flow, rotated.AccessToken));
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
        Assert.Equal(SessionEndReasons.RefreshTokenReuse, session.EndReason);
        var revocation = await db.Revocations.AsNoTracking().SingleAsync(r => r.Member == RevocationContract.SessionMember(sessionId));
        Assert.Equal(SessionEndReasons.RefreshTokenReuse, revocation.Reason);
        // The browser's SSO cookie belonged to that session: the next authorization request asks for a sign-in.
        var again = await browser.GetAndFollowAsync(flow.AuthorizeUrl());
        Assert.EndsWith("/account/login", again.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }
}
