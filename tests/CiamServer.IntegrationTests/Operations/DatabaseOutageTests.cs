using System.Net;
using System.Text.Json;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Operations;

[Trait("Category", "Operations")]
public sealed class DatabaseOutageTests(DatabaseOutageFixture fixture) : IClassFixture<DatabaseOutageFixture>
{
    private CiamTestServer Server => fixture.Server;

    private OutageProxy Proxy => fixture.Proxy;

    [Fact]
    public async Task Ready_DatabaseCut_503ThenRecoversAfterRestore()
    {
        Assert.Equal(HttpStatusCode.OK, await OutageChecks.ReadinessAsync(Server));
        Proxy.Cut();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await OutageChecks.ReadinessAsync(Server));
            using var browser = Server.CreateBrowser();
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await OutageChecks.RestoreAndWaitAsync(Server, Proxy);
        }

        using var after = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, after, TestTenants.Acme, "alice@example.com", TestTenants.Password);
    }

    [Fact]
    public async Task Token_DatabaseCut_503WithRetryAfterAndCodeStillRedeemableAfterRestore()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var code = await flow.SignInForCodeAsync();

        Proxy.Cut();
        try
        {
            await OutageChecks.AssertUnavailableAsync((await flow.RedeemAsync(code)).Response);
            await OutageChecks.AssertUnavailableAsync(await ClientRequests.PostAsync(Server, TestTenants.Acme, "connect/token",
                "machine", TestTenants.MachineSecret, new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
        }
        finally
        {
            await OutageChecks.RestoreAndWaitAsync(Server, Proxy);
        }

        var tokens = await flow.RedeemAsync(code);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
    }

    [Fact]
    public async Task Refresh_DatabaseCut_503AndSameRefreshTokenWorksAfterRestore()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync());
        var refreshToken = tokens["refresh_token"]!;

        Proxy.Cut();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await OutageChecks.AssertUnavailableAsync((await flow.RefreshAsync(refreshToken)).Response);
            }
        }
        finally
        {
            await OutageChecks.RestoreAndWaitAsync(Server, Proxy);
        }

        var refreshed = await flow.RefreshAsync(refreshToken);
        Assert.True(refreshed.Status == HttpStatusCode.OK, $"{refreshed.Status}: {refreshed.Json}");
        Assert.NotNull(refreshed["refresh_token"]);
        Assert.NotEqual(refreshToken, refreshed["refresh_token"]);
    }

    [Fact]
    public async Task Introspection_DatabaseCut_503NeverInactive()
    {
        var token = await OutageChecks.ClientCredentialsTokenAsync(Server, TestTenants.Acme);
        var before = await OutageChecks.IntrospectAsync(Server, TestTenants.Acme, token);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using (var json = JsonDocument.Parse(await before.Content.ReadAsStringAsync()))
        {
            Assert.True(json.RootElement.GetProperty("active").GetBoolean());
        }

        Proxy.Cut();
        try
        {
            await OutageChecks.AssertUnavailableAsync(await OutageChecks.IntrospectAsync(Server, TestTenants.Acme, token));
        }
        finally
        {
            await OutageChecks.RestoreAndWaitAsync(Server, Proxy);
        }

        using var after = JsonDocument.Parse(await (await OutageChecks.IntrospectAsync(Server, TestTenants.Acme, token)).Content.ReadAsStringAsync());
        Assert.True(after.RootElement.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task LoginPost_DatabaseCut_503HtmlPage()
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
        Assert.Contains("temporarily unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
