using System.Diagnostics;
using System.Net;
using CiamServer.TokenValidation.Revocation;
using CiamServer.TokenValidation.Tests.Infrastructure;
using CiamServer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace CiamServer.TokenValidation.Tests;

[Trait("Category", "TokenValidation")]
[Collection(TokenValidationCollection.Name)]
public sealed class RevocationTests(ServerFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan MaximumDelay = TimeSpan.FromSeconds(1);
    private ConnectionMultiplexer _redis = null!;

    private CiamTestServer Server => fixture.Server;

    private RevocationPublisher Publisher => new(_redis, TimeProvider.System);

    private static DateTimeOffset InAnHour => DateTimeOffset.UtcNow.AddHours(1);

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(await TestServices.RedisAsync());

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task RevokedSession_IsRefusedWithinOneSecond()
    {
        var token = await AccessTokens.ForOrdersApiAsync(Server);
        await using var api = await TestApi.StartAsync(Server);
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(token));

        var delay = await RevokeAndMeasureAsync(api, token, () => Publisher.RevokeSessionAsync(AccessTokens.SessionId(token), InAnHour));

        output.WriteLine($"sid revocation enforced after {delay.TotalMilliseconds:F1} ms");
        Assert.True(delay < MaximumDelay, $"took {delay}");
        using var response = await api.GetOrdersAsync(token);
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The token has been revoked\"",
            response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task RevokedToken_IsRefusedWithinOneSecond_AndOtherTokensStillPass()
    {
        var token = await AccessTokens.ForOrdersApiAsync(Server);
        var other = await AccessTokens.ForOrdersApiAsync(Server);
        await using var api = await TestApi.StartAsync(Server);
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(token));

        var delay = await RevokeAndMeasureAsync(api, token, () => Publisher.RevokeTokenAsync(AccessTokens.TokenId(token), InAnHour));

        output.WriteLine($"jti revocation enforced after {delay.TotalMilliseconds:F1} ms");
        Assert.True(delay < MaximumDelay, $"took {delay}");
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(other));
    }

    [Fact]
    public async Task RevocationWrittenWhileApiWasDown_IsEnforcedFromTheFirstRequest()
    {
        var token = await AccessTokens.ForOrdersApiAsync(Server);
        await Publisher.RevokeSessionAsync(AccessTokens.SessionId(token), InAnHour);

        await using var api = await TestApi.StartAsync(Server);

        using var response = await api.GetOrdersAsync(token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The token has been revoked", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publisher_WritesTheContract()
    {
        var sessionId = Guid.NewGuid().ToString("N");
        var until = InAnHour;
        var received = new TaskCompletionSource<string>();
        var channel = RedisChannel.Literal(RevocationContract.Channel);
        void OnMessage(RedisChannel _, RedisValue message)
        {
            if (message.ToString().StartsWith($"sid:{sessionId}|", StringComparison.Ordinal))
            {
                received.TrySetResult(message!);
            }
        }

        await _redis.GetSubscriber().SubscribeAsync(channel, OnMessage);
        try
        {
            var receivers = await Publisher.RevokeSessionAsync(sessionId, until);

            Assert.True(receivers >= 1);
            Assert.Equal($"sid:{sessionId}|{until.ToUnixTimeSeconds()}", await received.Task.WaitAsync(TimeSpan.FromSeconds(5)));
            Assert.Equal(until.ToUnixTimeSeconds(), await _redis.GetDatabase().SortedSetScoreAsync(RevocationContract.Key, $"sid:{sessionId}"));
        }
        finally
        {
            await _redis.GetSubscriber().UnsubscribeAsync(channel, OnMessage);
        }
    }

    [Fact]
    public async Task AccessTokenRevokedAtTheRevocationEndpoint_IsRefusedByJti_AndPersisted()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: "openid offline_access orders.read"));
        var sameSession = (await flow.RefreshAsync(tokens["refresh_token"]!)).AccessToken;
        await using var api = await TestApi.StartAsync(Server);
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(tokens.AccessToken));

        var delay = await RevokeAndMeasureAsync(api, tokens.AccessToken, async () =>
        {
            using var client = flow.ApiClient();
            using var response = await client.PostAsync(Server.Url(TestTenants.Acme, "connect/revoke"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = tokens.AccessToken,
                ["token_type_hint"] = "access_token",
                ["client_id"] = "web",
                ["client_secret"] = TestTenants.WebSecret,
            }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        output.WriteLine($"revocation endpoint to refusal: {delay.TotalMilliseconds:F1} ms");
        Assert.True(delay < MaximumDelay, $"took {delay}");
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(sameSession));
        var member = RevocationContract.TokenMember(AccessTokens.TokenId(tokens.AccessToken));
        Assert.NotNull(await _redis.GetDatabase().SortedSetScoreAsync(RevocationContract.Key, member));
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var record = await db.Revocations.SingleAsync(r => r.Member == member);
        Assert.Equal("revocation_endpoint", record.Reason);
        // Until the token expires, plus the margin for the APIs' clock skew.
        Assert.Equal(new JsonWebToken(tokens.AccessToken).ValidTo + TimeSpan.FromMinutes(1), record.ExpiresAt, TimeSpan.FromSeconds(1));
    }

    private static async Task<TimeSpan> RevokeAndMeasureAsync(TestApi api, string token, Func<Task> revoke)
    {
        var watch = Stopwatch.StartNew();
        await revoke();
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10),
            async () => await api.StatusForAsync(token) == HttpStatusCode.Unauthorized, "the revoked token is refused", intervalMilliseconds: 2);
        return watch.Elapsed;
    }
}
