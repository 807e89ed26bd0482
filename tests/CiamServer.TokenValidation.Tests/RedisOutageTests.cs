using System.Diagnostics;
using System.Net;
using CiamServer.TokenValidation.Revocation;
using CiamServer.TokenValidation.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace CiamServer.TokenValidation.Tests;

/// <summary>Redis cut between the API and Redis (not stopped: other tests share it).</summary>
[Trait("Category", "TokenValidation")]
[Collection(TokenValidationCollection.Name)]
public sealed class RedisOutageTests(ServerFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan FailClosedAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);
    private OutageProxy _proxy = null!;

    private CiamTestServer Server => fixture.Server;

    public async Task InitializeAsync()
    {
        var (host, port) = await RedisEndpoint.OfTestRedisAsync();
        _proxy = new OutageProxy(host, port);
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Fact]
    public async Task RedisDownBeyondFailClosedAfter_RefusesTokensAndReportsUnhealthy_ThenRecoversByItself()
    {
        var token = await AccessTokens.ForOrdersApiAsync(Server);
        await using var api = await StartApiAsync(failOpen: false);
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(token));
        Assert.Equal(HealthStatus.Healthy, await api.RevocationHealthAsync());

        var watch = Stopwatch.StartNew();
        _proxy.Cut();
        string? challenge = null;
        var refusedAfter = await Eventually.WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            using var response = await api.GetOrdersAsync(token);
            challenge = response.Headers.WwwAuthenticate.ToString();
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, "tokens are refused while Redis is down");

        output.WriteLine($"refused {refusedAfter.TotalMilliseconds:F0} ms after the cut (FailClosedAfter {FailClosedAfter})");
        Assert.True(refusedAfter >= FailClosedAfter / 2, $"refused after only {refusedAfter}");
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"Token revocation status is unavailable\"", challenge);
        Assert.Equal(HealthStatus.Unhealthy, await api.RevocationHealthAsync());
        // Requests see staleness at once; the warning comes from the subscriber's next round, a beat later.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(5), () => Task.FromResult(api.Logs.Records.Any(r =>
            r.Level == LogLevel.Warning && r.Message.Contains("refused (fail closed)", StringComparison.Ordinal))), "a warning is logged");

        _proxy.Restore();
        var recoveredAfter = await Eventually.WithinAsync(Recovery,
            async () => await api.StatusForAsync(token) == HttpStatusCode.OK, "tokens are accepted again", intervalMilliseconds: 50);
        output.WriteLine($"recovered {recoveredAfter.TotalMilliseconds:F0} ms after the restore ({watch.Elapsed} after the cut)");
        Assert.Equal(HealthStatus.Healthy, await api.RevocationHealthAsync());
    }

    [Fact]
    public async Task RedisDownWithFailOpen_AcceptsTokensButReportsUnhealthy()
    {
        var token = await AccessTokens.ForOrdersApiAsync(Server);
        await using var api = await StartApiAsync(failOpen: true);
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(token));

        _proxy.Cut();
        await Eventually.WithinAsync(TimeSpan.FromSeconds(15),
            async () => await api.RevocationHealthAsync() == HealthStatus.Unhealthy, "the health check reports the outage", intervalMilliseconds: 50);

        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(token));
        // The warning comes from the subscriber's next round, which may follow the health check by a beat.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(5), () => Task.FromResult(api.Logs.Records.Any(r =>
            r.Level == LogLevel.Warning && r.Message.Contains("accepted unchecked (fail open)", StringComparison.Ordinal))), "a warning is logged");

        _proxy.Restore();
        await Eventually.WithinAsync(Recovery,
            async () => await api.RevocationHealthAsync() == HealthStatus.Healthy, "the health check recovers", intervalMilliseconds: 50);
    }

    [Fact]
    public async Task RevocationPublishedDuringOutage_IsEnforcedAfterReconnect()
    {
        var token = await AccessTokens.ForOrdersApiAsync(Server);
        await using var api = await StartApiAsync(failOpen: true);
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(token));

        _proxy.Cut();
        // Published while the API cannot hear it: only the reconcile after the reconnect can bring it in.
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(await TestServices.RedisAsync()))
        {
            await new RevocationPublisher(redis, TimeProvider.System).RevokeSessionAsync(AccessTokens.SessionId(token), DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(token));
        _proxy.Restore();

        await Eventually.WithinAsync(Recovery,
            async () => await api.StatusForAsync(token) == HttpStatusCode.Unauthorized, "the revocation is picked up", intervalMilliseconds: 50);
        using var response = await api.GetOrdersAsync(token);
        Assert.Contains("The token has been revoked", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisDownAtStart_ApiStartsAndRefusesTokensUntilRedisAnswers()
    {
        var token = await AccessTokens.ForOrdersApiAsync(Server);
        _proxy.Cut();

        await using var api = await StartApiAsync(failOpen: false);

        Assert.Equal(HttpStatusCode.Unauthorized, await api.StatusForAsync(token));
        Assert.Equal(HealthStatus.Unhealthy, await api.RevocationHealthAsync());
        _proxy.Restore();
        await Eventually.WithinAsync(Recovery,
            async () => await api.StatusForAsync(token) == HttpStatusCode.OK, "tokens are accepted once Redis answers", intervalMilliseconds: 50);
    }

    private Task<TestApi> StartApiAsync(bool failOpen) => TestApi.StartAsync(Server, options =>
    {
        options.RedisConfiguration = $"127.0.0.1:{_proxy.Port}";
        options.FailClosedAfter = FailClosedAfter;
        options.FailOpen = failOpen;
    });
}
