using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>A server whose clock the tests move: OpenIddict takes its TimeProvider from DI (OpenIddictServerOptions
/// .TimeProvider falls back to the registered service), and so do sessions and the key ring.</summary>
public sealed class FakeClockServerFixture : ServerFixture
{
    /// <summary>Starts at the real time (TLS certificate and Data Protection keys are real) and moves only when told.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override TestServerOptions Options() => new() { Clock = Clock };
}

/// <summary>Lifetimes measured on the server's clock: codes live 5 minutes (Ciam:Protocol:AuthorizationCodeLifetime),
/// max_age counts from the sign-in. The clock only moves forward, and each test starts its own sign-in, so
/// the tests hold in any order.</summary>
[Trait("Category", "Protocol")]
public sealed class ExpiryTests(FakeClockServerFixture fixture) : IClassFixture<FakeClockServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Code_RedeemedAfterItsLifetime_InvalidGrant()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = await flow.SignInForCodeAsync(scope: "openid");

        fixture.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(30));
        var response = await flow.RedeemAsync(code);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
        Assert.Null(response["access_token"]);
    }

    [Fact]
    public async Task Code_RedeemedWithinItsLifetime_IsAccepted()
    {
        // The control: the same wait minus a minute is fine, so the refusal above is the expiry.
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = await flow.SignInForCodeAsync(scope: "openid");

        fixture.Clock.Advance(TimeSpan.FromMinutes(4));
        var response = await flow.RedeemAsync(code);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task AccessToken_AfterItsLifetime_RefusedByUserInfoAndInactive()
    {
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant, "openid orders.read");

        fixture.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(HttpStatusCode.Unauthorized, (await ProtocolCalls.UserInfoAsync(Server, Tenant, tokens.AccessToken)).StatusCode);
        Assert.False(ProtocolCalls.IsActive(await ProtocolCalls.IntrospectAsync(Server, Tenant, tokens.AccessToken)));
    }

    [Fact]
    public async Task MaxAge_SessionOlderThanMaxAge_ShowsLoginPage()
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        var flow = new OidcFlow(Server, browser, Tenant);

        var page = await browser.GetAndFollowAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["max_age"] = "120" }));

        Assert.True(ProtocolCalls.IsLoginPage(page, Tenant), "max_age=120 with a 3-minute-old session did not ask to sign in: " + ProtocolCalls.PagePath(page));
    }

    [Fact]
    public async Task MaxAge_SessionYoungerThanMaxAge_RedirectsWithCode()
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["max_age"] = "240" }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(ProtocolCalls.RedirectParameters(browser.Location(response)).ContainsKey("code"));
    }
}
