using System.Diagnostics;
using System.Globalization;
using System.Net;
using CiamServer.TokenValidation.Revocation;
using CiamServer.TokenValidation.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace CiamServer.TokenValidation.Tests;

/// <summary>The promise of the sessions issue end to end, across processes: sign in on node A, sign out
/// everywhere on node B, and the API (another process, using the library) refuses the token within a second;
/// also after the API restarts and after Redis restarts.</summary>
[Trait("Category", "Sessions")]
[Collection(TokenValidationCollection.Name)]
public sealed class MultiNodeRevocationTests(ProcessCluster cluster, ITestOutputHelper output) : IClassFixture<ProcessCluster>
{
    private const int Revocations = 100;
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task SignOutEverywhereOnNodeB_ApiRefusesNodeAToken_P99UnderOneSecond()
    {
        var delays = new List<double>(Revocations);
        // One round first, not measured: the three fresh processes JIT their code on it (700-800 ms on an idle
        // machine, over a second while other test assemblies run), which says nothing about propagation.
        for (var i = -1; i < Revocations; i++)
        {
            using var browser = ((IServerEndpoints)cluster.NodeA).CreateBrowser();
            var token = await SignInOnNodeAAsync(browser);
            Assert.Equal(HttpStatusCode.OK, await cluster.Api.StatusForAsync(token));

            var watch = Stopwatch.StartNew();
            await SignOutEverywhereOnNodeBAsync(browser);
            await Eventually.WithinAsync(TimeSpan.FromSeconds(10),
                async () => await cluster.Api.StatusForAsync(token) == HttpStatusCode.Unauthorized, "the API refuses the token", intervalMilliseconds: 2);
            if (i >= 0)
            {
                delays.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        delays.Sort();
        var p50 = Percentile(delays, 0.50);
        var p99 = Percentile(delays, 0.99);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Revocations} revocations, sign-out POST on node B to first 401 at the API process: p50 {p50:F1} ms, p99 {p99:F1} ms, max {delays[^1]:F1} ms"));
        Assert.True(p99 < Goal.TotalMilliseconds, $"p99 {p99} ms");
    }

    [Fact]
    public async Task ApiRestartedAfterSignOut_RefusesTheTokenFromItsFirstRequest()
    {
        using var browser = ((IServerEndpoints)cluster.NodeA).CreateBrowser();
        var token = await SignInOnNodeAAsync(browser);
        Assert.Equal(HttpStatusCode.OK, await cluster.Api.StatusForAsync(token));
        await SignOutEverywhereOnNodeBAsync(browser);

        // The new API process knows only what Redis holds when it starts.
        await cluster.RestartApiAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await cluster.Api.StatusForAsync(token));
        using var other = ((IServerEndpoints)cluster.NodeA).CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, await cluster.Api.StatusForAsync(await SignInOnNodeAAsync(other)));
    }

    [Fact]
    public async Task RedisRestarted_RevocationsRebuiltFromDatabase_AndOneMadeWhileItWasDownIsEnforced()
    {
        using var revokedBefore = ((IServerEndpoints)cluster.NodeA).CreateBrowser();
        var tokenRevokedBefore = await SignInOnNodeAAsync(revokedBefore);
        await SignOutEverywhereOnNodeBAsync(revokedBefore);
        using var revokedDuring = ((IServerEndpoints)cluster.NodeA).CreateBrowser();
        var tokenRevokedDuring = await SignInOnNodeAAsync(revokedDuring);
        Assert.Equal(HttpStatusCode.Unauthorized, await cluster.Api.StatusForAsync(tokenRevokedBefore));
        Assert.Equal(HttpStatusCode.OK, await cluster.Api.StatusForAsync(tokenRevokedDuring));

        // Redis dies; a session ends on node B while it is down (the direct publish fails); Redis comes back
        // empty (no persistence).
        await cluster.Redis.StopServerAsync();
        await SignOutEverywhereOnNodeBAsync(revokedDuring);
        await cluster.Redis.StartServerAsync();

        var rebuilt = await Eventually.WithinAsync(TimeSpan.FromSeconds(15),
            async () => await IsInRedisAsync(AccessTokens.SessionId(tokenRevokedBefore)), "the servers write the revocations back to Redis", intervalMilliseconds: 20);
        output.WriteLine($"revocations back in Redis {rebuilt.TotalMilliseconds:F0} ms after the restart");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(15),
            async () => await cluster.Api.StatusForAsync(tokenRevokedDuring) == HttpStatusCode.Unauthorized,
            "the running API refuses the token revoked while Redis was down");
        Assert.Equal(HttpStatusCode.Unauthorized, await cluster.Api.StatusForAsync(tokenRevokedBefore));

        await cluster.RestartApiAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await cluster.Api.StatusForAsync(tokenRevokedBefore));
        Assert.Equal(HttpStatusCode.Unauthorized, await cluster.Api.StatusForAsync(tokenRevokedDuring));
        using var stillSignedIn = ((IServerEndpoints)cluster.NodeA).CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, await cluster.Api.StatusForAsync(await SignInOnNodeAAsync(stillSignedIn)));
    }

    private async Task<string> SignInOnNodeAAsync(BrowserLikeClient browser)
    {
        var flow = new OidcFlow(cluster.NodeA, browser, TestTenants.Acme);
        return (await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: "openid orders.read"))).AccessToken;
    }

    /// <summary>The same browser (same cookie jar: cookies are per host, not per port) on node B's account
    /// page, as a load balancer would send it there.</summary>
    private async Task SignOutEverywhereOnNodeBAsync(BrowserLikeClient browser)
    {
        var page = await browser.GetAsync(((IServerEndpoints)cluster.NodeB).Url(TestTenants.Acme, "account/sessions"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var done = await browser.SubmitFormAsync(page, new Dictionary<string, string>(), "form[action*='handler=EndAll']");
        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
    }

    private async Task<bool> IsInRedisAsync(string sessionId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Configuration + ",abortConnect=false");
        return await redis.GetDatabase().SortedSetScoreAsync(RevocationContract.Key, RevocationContract.SessionMember(sessionId)) is not null;
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
