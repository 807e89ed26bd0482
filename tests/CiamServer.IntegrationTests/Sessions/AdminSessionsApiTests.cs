using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.IntegrationTests.Protocol;
using CiamServer.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Sessions;

[Trait("Category", "Sessions")]
public sealed class AdminSessionsApiTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    internal const string AdminSecret = "test-only-admin-client-secret";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task ListAndEndAll_WithAdminToken_EndsTheUsersSessionsAndRevokesTheirTokens()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: SessionTestClients.ApiScope));
        Assert.True(await SessionTestClients.IsActiveAsync(Server, flow, tokens.AccessToken));
        using var admin = (await AdminClients.CreateAsync(flow, AdminSecret, "ciam.admin")).Client;
        var alice = await UserIdAsync(TestTenants.Acme, "alice@example.com");

        var list = await admin.GetAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{alice}/sessions"));
        var sessions = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;
        var endAll = await admin.DeleteAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{alice}/sessions"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(sessions.GetArrayLength() >= 1);
        Assert.Contains(sessions.EnumerateArray(), session =>
            session.GetProperty("clients").EnumerateArray().Any(c => c.GetString() == "Acme Web"));
        Assert.Equal(HttpStatusCode.NoContent, endAll.StatusCode);
        Assert.False(await SessionTestClients.IsActiveAsync(Server, flow, tokens.AccessToken));
        var after = JsonDocument.Parse(await admin.GetStringAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{alice}/sessions"))).RootElement;
        Assert.Equal(0, after.GetArrayLength());
    }

    [Fact]
    public async Task EndOne_ThatSession_EndsOnlyIt()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var ended = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: SessionTestClients.ApiScope));
        using var otherBrowser = Server.CreateBrowser();
        var otherFlow = new OidcFlow(Server, otherBrowser, TestTenants.Acme);
        var kept = await otherFlow.RedeemAsync(await otherFlow.SignInForCodeAsync(scope: SessionTestClients.ApiScope));
        using var admin = (await AdminClients.CreateAsync(flow, AdminSecret, "ciam.admin")).Client;
        var alice = await UserIdAsync(TestTenants.Acme, "alice@example.com");
        var sessionId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(ended.AccessToken).GetClaim("sid").Value;

        var response = await admin.DeleteAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{alice}/sessions/{sessionId}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await SessionTestClients.IsActiveAsync(Server, flow, ended.AccessToken));
        Assert.True(await SessionTestClients.IsActiveAsync(Server, otherFlow, kept.AccessToken));
    }

    [Fact]
    public async Task List_SessionWhoseCookieLapsed_ListedWhileItsRefreshTokenWorks()
    {
        using var withRefresh = Server.CreateBrowser();
        var offline = new OidcFlow(Server, withRefresh, TestTenants.Acme);
        var offlineSession = ProtocolCalls.Claim((await offline.RedeemAsync(await offline.SignInForCodeAsync(scope: "openid offline_access"))).AccessToken, "sid");
        using var withoutRefresh = Server.CreateBrowser();
        var online = new OidcFlow(Server, withoutRefresh, TestTenants.Acme);
        var onlineSession = ProtocolCalls.Claim((await online.RedeemAsync(await online.SignInForCodeAsync(scope: "openid"))).AccessToken, "sid");
        await using (var scope = await Server.ForTenantAsync(TestTenants.Acme))
        {
            // Both cookies lapse: last seen longer ago than any idle timeout.
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.CiamDbContext>();
            foreach (var session in db.Sessions.Where(s => s.Id == offlineSession || s.Id == onlineSession))
            {
                session.LastSeenAt = DateTime.UtcNow.AddDays(-60);
            }

            await db.SaveChangesAsync();
        }

        using var admin = (await AdminClients.CreateAsync(offline, AdminSecret, "ciam.admin")).Client;
        var alice = await UserIdAsync(TestTenants.Acme, "alice@example.com");
        var listed = JsonDocument.Parse(await admin.GetStringAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{alice}/sessions")))
            .RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();

        Assert.Contains(offlineSession, listed);
        Assert.DoesNotContain(onlineSession, listed);
    }

    [Fact]
    public async Task EndOne_UnknownSession_Is404()
    {
        using var admin = (await AdminClients.CreateAsync(new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme), AdminSecret, "ciam.admin")).Client;
        var alice = await UserIdAsync(TestTenants.Acme, "alice@example.com");

        var response = await admin.DeleteAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{alice}/sessions/no-such-session"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AdminApi_WithoutToken_Is401()
    {
        using var api = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();

        var response = await api.GetAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{Guid.NewGuid()}/sessions"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminApi_WithTokenWithoutAdminScope_IsRefused()
    {
        var flow = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme);
        using var api = flow.ApiClient();
        var token = (await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "machine", ["client_secret"] = TestTenants.MachineSecret, ["scope"] = "orders.read",
        })).AccessToken;
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await api.GetAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{Guid.NewGuid()}/sessions"));

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, response.StatusCode.ToString());
    }

    [Fact]
    public async Task AdminApi_WithAnotherTenantsAdminToken_Is401()
    {
        using var globexAdmin = (await AdminClients.CreateAsync(new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Globex), AdminSecret, "ciam.admin")).Client;

        var response = await globexAdmin.GetAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{Guid.NewGuid()}/sessions"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<Guid> UserIdAsync(string tenant, string email)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ITenantDirectory>();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set((await directory.FindBySlugAsync(tenant, CancellationToken.None))!);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>The standard tenants plus an admin client with the ciam.admin scope in each.</summary>
    public sealed class Fixture : ServerFixture
    {
        protected override TestServerOptions Options()
        {
            var options = new TestServerOptions();
            options.ImportDocuments.Clear();
            options.ImportDocuments.Add($$"""{ "tenants": [ {{WithAdminClient(TestTenants.Acme)}}, {{WithAdminClient(TestTenants.Globex)}} ] }""");
            return options;
        }

        private static string WithAdminClient(string tenant) => TestTenants.Tenant(tenant, tenant).Replace(
                "\"apiScopes\": [",
                "\"apiScopes\": [ { \"name\": \"ciam.admin\", \"audiences\": [\"ciam.admin\"] },", StringComparison.Ordinal).Replace(
                "\"clients\": [",
                "\"clients\": [ { \"clientId\": \"admin-tool\", \"type\": \"confidential\", \"secret\": \"" + AdminSecret + "\", \"grantTypes\": [\"client_credentials\"], \"scopes\": [\"ciam.admin\"] },", StringComparison.Ordinal);
    }
}
