using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Operations;

[Trait("Category", "Operations")]
public sealed class RedisOutageTests(RedisOutageFixture fixture) : IClassFixture<RedisOutageFixture>
{
    private CiamTestServer Server => fixture.Server;

    private OutageProxy Proxy => fixture.Proxy;

    [Fact]
    public async Task Ready_RedisCut_503ThenRecoversAfterRestore()
    {
        Assert.Equal(HttpStatusCode.OK, await OutageChecks.ReadinessAsync(Server));
        Proxy.Cut();
        try
        {
            Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(10),
                async () => await OutageChecks.ReadinessAsync(Server) == HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            await OutageChecks.RestoreAndWaitAsync(Server, Proxy);
        }
    }

    [Fact]
    public async Task LoginPost_RedisCut_503HtmlThenSignsInAfterRestore()
    {
        using var browser = Server.CreateBrowser();
        var page = await browser.GetAsync(AccountPages.LoginUrl(Server, TestTenants.Acme));

        Proxy.Cut();
        HttpResponseMessage response;
        try
        {
            response = await browser.SubmitFormAsync(page, new Dictionary<string, string>
            {
                ["Input.Email"] = "alice@example.com",
                ["Input.Password"] = TestTenants.Password,
            });
        }
        finally
        {
            await OutageChecks.RestoreAndWaitAsync(Server, Proxy);
        }

        await OutageChecks.AssertUnavailableAsync(response);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);
    }

    [Fact]
    public async Task Token_RedisCut_StillServedFromDatabase()
    {
        Proxy.Cut();
        try
        {
            // Redis holds sign-in throttling counters and a copy of the revocation list: issuance does not need it.
            var token = await OutageChecks.ClientCredentialsTokenAsync(Server, TestTenants.Acme);
            Assert.NotEmpty(token);
        }
        finally
        {
            await OutageChecks.RestoreAndWaitAsync(Server, Proxy);
        }
    }

    [Fact]
    public async Task Introspection_RedisCut_AnswersFromTheDatabase()
    {
        var live = await OutageChecks.ClientCredentialsTokenAsync(Server, TestTenants.Acme);
        var revoked = await OutageChecks.ClientCredentialsTokenAsync(Server, TestTenants.Acme);
        var revocation = await ClientRequests.PostAsync(Server, TestTenants.Acme, "connect/revoke", "machine", TestTenants.MachineSecret,
            new Dictionary<string, string> { ["token"] = revoked });
        Assert.Equal(HttpStatusCode.OK, revocation.StatusCode);
        Proxy.Cut();
        try
        {
            // The revocation list's record is PostgreSQL; Redis is only the APIs' feed. Introspection never
            // reads Redis, so an outage can neither revive a revoked token nor report a live one inactive.
            Assert.True(await IsActiveAsync(live));
            Assert.False(await IsActiveAsync(revoked));
        }
        finally
        {
            await OutageChecks.RestoreAndWaitAsync(Server, Proxy);
        }
    }

    private async Task<bool> IsActiveAsync(string token)
    {
        using var response = await OutageChecks.IntrospectAsync(Server, TestTenants.Acme, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("active").GetBoolean();
    }
}
