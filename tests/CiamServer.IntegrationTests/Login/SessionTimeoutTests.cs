using CiamServer.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CiamServer.IntegrationTests.Login;

/// <summary>A server on a fake clock, with a tenant whose sessions idle out after 30 minutes and end
/// after 60 whatever happens (acme keeps the defaults: 30 minutes idle, 12 hours in all).</summary>
public sealed class FakeClockFixture : ServerFixture
{
    public const string ShortLived = "shortlived";
    public const string User = "short@example.com";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override TestServerOptions Options()
    {
        var options = new TestServerOptions { Clock = Clock };
        options.ImportDocuments.Add($$"""
            { "tenants": [ {
                "slug": "{{ShortLived}}", "displayName": "Short Lived",
                "sessionPolicy": { "idleTimeoutMinutes": 30, "absoluteLifetimeMinutes": 60 },
                "users": [ { "email": "{{User}}", "password": "{{TestTenants.Password}}", "emailVerified": true } ]
            } ] }
            """);
        return options;
    }
}

[Trait("Category", "Login")]
public sealed class SessionTimeoutTests(FakeClockFixture fixture) : IClassFixture<FakeClockFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Session_IdlePastTimeout_CookieNoLongerSignsIn()
    {
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);

        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme)); // 40 minutes in, 20 idle
        fixture.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task Session_IdlePastTimeout_AuthorizeAsksToSignInAgain()
    {
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);
        fixture.Clock.Advance(TimeSpan.FromMinutes(31));

        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var response = await browser.GetAsync(flow.AuthorizeUrl());

        Assert.Equal("/t/acme/account/login", browser.Location(response).AbsolutePath);
    }

    [Fact]
    public async Task Session_PastAbsoluteLifetime_CookieNoLongerSignsInEvenWhenActive()
    {
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, FakeClockFixture.ShortLived, FakeClockFixture.User, TestTenants.Password);

        fixture.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, FakeClockFixture.ShortLived));
        fixture.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, FakeClockFixture.ShortLived)); // 50 minutes in
        fixture.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, FakeClockFixture.ShortLived)); // 65 in, 15 idle
    }

    [Fact]
    public async Task Session_AcmeDefaultAbsoluteLifetime_EndsAfterTwelveHoursOfActivity()
    {
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);

        for (var elapsed = 25; elapsed < 12 * 60; elapsed += 25)
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(25));
            Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme), $"Signed out after {elapsed} minutes.");
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }
}
