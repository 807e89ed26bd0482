using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiamServer.Core.OpenIddict;
using CiamServer.IntegrationTests.Protocol;
using CiamServer.IntegrationTests.Sessions;
using CiamServer.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using static CiamServer.IntegrationTests.Admin.AdminApiKit;

namespace CiamServer.IntegrationTests.Admin;

[Trait("Category", "Admin")]
public sealed class ClientsApiTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private const string Acme = TestTenants.Acme;
    private const string NativeRedirect = "http://127.0.0.1:7891/callback";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Create_Confidential_ReturnsTheGeneratedSecretOnce_AndClientCredentialsWorksWithIt()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("batch");

        var created = await admin.PostAsJsonAsync(Url("clients"), Machine(clientId));
        var body = await JsonAsync(created);
        var secret = body.GetProperty("clientSecret").GetString()!;
        var read = await admin.GetAsync(Url($"clients/{clientId}"));
        var token = await ClientCredentialsAsync(clientId, secret);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/t/{Acme}/admin/api/clients/{clientId}", created.Headers.Location?.OriginalString);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.True(secret.Length >= 43, "A 256-bit secret in base64url has 43 characters.");
        Assert.Equal("confidential", body.GetProperty("client").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(secret, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", await read.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.NotEqual(secret, await StoredSecretAsync(clientId));
        var audit = Assert.Single(await AuditAsync(Server, Acme, "admin.clients.created", clientId));
        Assert.DoesNotContain(secret, audit.DataJson!, StringComparison.Ordinal);
        Assert.DoesNotContain((await StoredSecretAsync(clientId))!, audit.DataJson!, StringComparison.Ordinal);
        Assert.Equal(clientId, JsonDocument.Parse(audit.DataJson!).RootElement.GetProperty("after").GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task Create_ConfidentialWebClient_CompletesARealCodeFlowWithItsSecret()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("web");
        var created = await admin.PostAsJsonAsync(Url("clients"), Web(clientId));
        var secret = (await JsonAsync(created)).GetProperty("clientSecret").GetString()!;
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Acme);

        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(clientId, "openid profile offline_access"), clientId, secret);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.NotNull(tokens["id_token"]);
        Assert.NotNull(tokens["refresh_token"]);
    }

    [Fact]
    public async Task Create_PublicNativeClient_HasNoSecret_AndCompletesACodeFlowWithPkce()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("app");
        var created = await admin.PostAsJsonAsync(Url("clients"), new
        {
            clientId, type = "public", displayName = "Native app", redirectUris = new[] { NativeRedirect, "com.example.app:/callback" },
            grantTypes = new[] { "authorization_code" }, scopes = new[] { "openid", "profile" },
        });
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Acme);

        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(clientId, "openid profile", NativeRedirect), clientId, secret: null,
            redirectUri: NativeRedirect);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(created)).GetProperty("clientSecret").ValueKind);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
    }

    [Fact]
    public async Task Create_InvalidRedirectUrisAndScopes_400WithAFieldErrorEach_AndNothingCreated()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("bad");

        var response = await admin.PostAsJsonAsync(Url("clients"), new
        {
            clientId, type = "confidential",
            redirectUris = new[] { "http://app.example/callback", "https://app.example/callback#top", "https://*.app.example/callback", "/callback" },
            postLogoutRedirectUris = new[] { "javascript:alert(1)" },
            backchannelLogoutUri = "com.example.app:/logout",
            grantTypes = new[] { "authorization_code", "password" }, scopes = new[] { "openid", "orders.write" },
            tokenLifetimes = new { accessTokenSeconds = 24 * 3600 },
        });

        Assert.Contains(await FieldErrorsAsync(response, "redirectUris[0]"), m => m.Contains("http is allowed only for loopback", StringComparison.Ordinal));
        Assert.Contains(await FieldErrorsAsync(response, "redirectUris[1]"), m => m.Contains("fragment", StringComparison.Ordinal));
        Assert.Contains(await FieldErrorsAsync(response, "redirectUris[2]"), m => m.Contains("wildcards", StringComparison.Ordinal));
        Assert.Contains(await FieldErrorsAsync(response, "redirectUris[3]"), m => m.Contains("absolute", StringComparison.Ordinal));
        Assert.NotEmpty(await FieldErrorsAsync(response, "postLogoutRedirectUris[0]"));
        Assert.NotEmpty(await FieldErrorsAsync(response, "backchannelLogoutUri"));
        Assert.Contains(await FieldErrorsAsync(response, "grantTypes"), m => m.Contains("no implicit or password grant", StringComparison.Ordinal));
        Assert.Contains(await FieldErrorsAsync(response, "scopes[1]"), m => m.Contains("orders.write", StringComparison.Ordinal));
        Assert.NotEmpty(await FieldErrorsAsync(response, "tokenLifetimes.accessTokenSeconds"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"clients/{clientId}"))).StatusCode);
    }

    [Theory]
    [InlineData("""{ "type": "confidential", "grantTypes": ["client_credentials"] }""", "clientId")]
    [InlineData("""{ "clientId": "x-type", "type": "secret", "grantTypes": ["client_credentials"] }""", "type")]
    [InlineData("""{ "clientId": "x-public-cc", "type": "public", "grantTypes": ["client_credentials"] }""", "grantTypes")]
    [InlineData("""{ "clientId": "x-no-redirect", "type": "public", "grantTypes": ["authorization_code"] }""", "redirectUris")]
    public async Task Create_BadInput_400NamingTheField(string json, string field)
    {
        using var admin = await AdminAsync(Server, Acme);

        var response = await admin.PostAsync(Url("clients"), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty(await FieldErrorsAsync(response, field));
    }

    [Fact]
    public async Task Create_ExistingClientId_409()
    {
        using var admin = await AdminAsync(Server, Acme);

        var response = await admin.PostAsJsonAsync(Url("clients"), Machine("machine"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Update_ReplacesTheSettings_AndIsAuditedWithBeforeAndAfter()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("web");
        var secret = (await JsonAsync(await admin.PostAsJsonAsync(Url("clients"), Web(clientId)))).GetProperty("clientSecret").GetString()!;

        var response = await admin.PutAsJsonAsync(Url($"clients/{clientId}"), new
        {
            displayName = "Renamed", redirectUris = new[] { "https://new.example/callback" }, postLogoutRedirectUris = new[] { "https://new.example/bye" },
            backchannelLogoutUri = "https://new.example/backchannel", grantTypes = new[] { "authorization_code" },
            scopes = new[] { "openid", "email", "orders.read" }, consentRequired = true,
        });
        var client = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Renamed", client.GetProperty("displayName").GetString());
        Assert.Equal(["https://new.example/callback"], client.GetProperty("redirectUris").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["authorization_code"], client.GetProperty("grantTypes").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["email", "openid", "orders.read"], client.GetProperty("scopes").EnumerateArray().Select(u => u.GetString()));
        Assert.True(client.GetProperty("consentRequired").GetBoolean());
        Assert.Equal("https://new.example/backchannel", client.GetProperty("backchannelLogoutUri").GetString());
        // The secret stays as it was.
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsOrIntrospectAsync(clientId, secret)).StatusCode);
        var audit = JsonDocument.Parse(Assert.Single(await AuditAsync(Server, Acme, "admin.clients.updated", clientId)).DataJson!).RootElement;
        Assert.Equal(Web(clientId).DisplayName, audit.GetProperty("before").GetProperty("displayName").GetString());
        Assert.Equal("Renamed", audit.GetProperty("after").GetProperty("displayName").GetString());
        Assert.DoesNotContain(secret, audit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_NewRedirectUri_IsUsedAtOnce_AndTheOldOneIsRefused()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("web");
        var secret = (await JsonAsync(await admin.PostAsJsonAsync(Url("clients"), Web(clientId)))).GetProperty("clientSecret").GetString()!;
        // A first flow reads the client (nothing of it may be served stale afterwards).
        using (var warm = Server.CreateBrowser())
        {
            var warmFlow = new OidcFlow(Server, warm, Acme);
            Assert.Equal(HttpStatusCode.OK, (await warmFlow.RedeemAsync(await warmFlow.SignInForCodeAsync(clientId, "openid"), clientId, secret)).Status);
        }

        var settings = Web(clientId);
        var updated = await admin.PutAsJsonAsync(Url($"clients/{clientId}"), settings with { RedirectUris = ["https://moved.example/callback"] });
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Acme);
        var refused = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl(clientId, TestTenants.WebRedirectUri, "openid")));
        var code = await flow.SignInForCodeAsync(clientId, "openid", "https://moved.example/callback");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.False(string.IsNullOrEmpty(code));
    }

    [Fact]
    public async Task Update_InvalidRedirectUri_400WithTheField_AndNothingChanged()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("web");
        await admin.PostAsJsonAsync(Url("clients"), Web(clientId));

        var response = await admin.PutAsJsonAsync(Url($"clients/{clientId}"), Web(clientId) with { RedirectUris = ["https://ok.example/cb", "http://evil.example/cb"] });
        var after = await JsonAsync(await admin.GetAsync(Url($"clients/{clientId}")));

        Assert.Contains(await FieldErrorsAsync(response, "redirectUris[1]"), m => m.Contains("loopback", StringComparison.Ordinal));
        Assert.Equal([TestTenants.WebRedirectUri], after.GetProperty("redirectUris").EnumerateArray().Select(u => u.GetString()));
        Assert.Empty(await AuditAsync(Server, Acme, "admin.clients.updated", clientId));
    }

    [Fact]
    public async Task AccessTokenLifetime_OfTheClient_SetsTheTokensExpiry()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("batch");
        var created = await admin.PostAsJsonAsync(Url("clients"), Machine(clientId) with { TokenLifetimes = new(120, null, null) });
        var secret = (await JsonAsync(created)).GetProperty("clientSecret").GetString()!;

        var shortLived = new JsonWebToken((await ClientCredentialsAsync(clientId, secret)).AccessToken);
        var updated = await admin.PutAsJsonAsync(Url($"clients/{clientId}"), Machine(clientId) with { TokenLifetimes = new(300, null, null) });
        var longer = new JsonWebToken((await ClientCredentialsAsync(clientId, secret)).AccessToken);
        var reset = await admin.PutAsJsonAsync(Url($"clients/{clientId}"), Machine(clientId));
        var serverDefault = new JsonWebToken((await ClientCredentialsAsync(clientId, secret)).AccessToken);

        Assert.Equal(120, (await JsonAsync(created)).GetProperty("client").GetProperty("tokenLifetimes").GetProperty("accessTokenSeconds").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(120), shortLived.ValidTo - shortLived.IssuedAt);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(300), longer.ValidTo - longer.IssuedAt);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(reset)).GetProperty("tokenLifetimes").GetProperty("accessTokenSeconds").ValueKind);
        Assert.Equal(TimeSpan.FromMinutes(10), serverDefault.ValidTo - serverDefault.IssuedAt);
    }

    [Fact]
    public async Task Import_OfAClientWhoseLifetimeAnAdminSet_ReplacesItsSettingsButKeepsTheLifetime()
    {
        using var admin = await AdminAsync(Server, Acme);
        var updated = await admin.PutAsJsonAsync(Url("clients/third-party"), new
        {
            displayName = "Renamed by an admin", redirectUris = new[] { TestTenants.WebRedirectUri }, grantTypes = new[] { "authorization_code" },
            scopes = new[] { "openid", "profile", "email" }, consentRequired = true, tokenLifetimes = new { accessTokenSeconds = 120 },
        });

        // Imports the standard tenant again (with one more user): third-party's settings go back to the file's.
        await ProtocolCalls.ImportUserAsync(Server, Acme);
        var client = await JsonAsync(await admin.GetAsync(Url("clients/third-party")));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Partner App", client.GetProperty("displayName").GetString());
        Assert.Equal(120, client.GetProperty("tokenLifetimes").GetProperty("accessTokenSeconds").GetInt32());
    }

    [Fact]
    public async Task RotateSecret_ReturnsANewSecretOnce_AndTheOldOneStopsWorking()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("batch");
        var oldSecret = (await JsonAsync(await admin.PostAsJsonAsync(Url("clients"), Machine(clientId)))).GetProperty("clientSecret").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(clientId, oldSecret)).Status);

        var rotated = await admin.PostAsync(Url($"clients/{clientId}/secret"), null);
        var newSecret = (await JsonAsync(rotated)).GetProperty("clientSecret").GetString()!;
        var withOld = await ClientCredentialsAsync(clientId, oldSecret);
        var withNew = await ClientCredentialsAsync(clientId, newSecret);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Contains("no-store", rotated.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal("invalid_client", withOld.Error);
        Assert.Equal(HttpStatusCode.OK, withNew.Status);
        var audit = Assert.Single(await AuditAsync(Server, Acme, "admin.clients.secret_rotated", clientId));
        Assert.DoesNotContain(newSecret, audit.DataJson ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(oldSecret, audit.DataJson ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateSecret_OfAPublicClient_409_AndOfAMissingClient_404()
    {
        using var admin = await AdminAsync(Server, Acme);

        var ofPublic = await admin.PostAsync(Url("clients/spa/secret"), null);
        var ofMissing = await admin.PostAsync(Url("clients/no-such-client/secret"), null);

        Assert.Equal(HttpStatusCode.Conflict, ofPublic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ofMissing.StatusCode);
    }

    [Fact]
    public async Task Disable_RefusesTokensAuthorizationsAndExistingRefreshTokens_EnableAllowsNewOnes()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("web");
        var secret = (await JsonAsync(await admin.PostAsJsonAsync(Url("clients"), Web(clientId) with
        {
            GrantTypes = ["authorization_code", "refresh_token", "client_credentials"],
        }))).GetProperty("clientSecret").GetString()!;
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(clientId, "openid offline_access"), clientId, secret);

        var disabled = await admin.PostAsync(Url($"clients/{clientId}/disable"), null);
        var credentials = await ClientCredentialsAsync(clientId, secret);
        var refresh = await flow.RefreshAsync(tokens["refresh_token"]!, clientId, secret);
        var authorize = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl(clientId, TestTenants.WebRedirectUri, "openid")));
        var enabled = await admin.PostAsync(Url($"clients/{clientId}/enable"), null);
        var afterEnable = await ClientCredentialsAsync(clientId, secret);
        var refreshAfterEnable = await flow.RefreshAsync(tokens["refresh_token"]!, clientId, secret);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.True((await JsonAsync(disabled)).GetProperty("disabled").GetBoolean());
        Assert.Equal("invalid_client", credentials.Error);
        Assert.Null(credentials["access_token"]);
        Assert.NotEqual(HttpStatusCode.OK, refresh.Status);
        Assert.Null(refresh["access_token"]);
        Assert.False(BrowserLikeClient.IsRedirect(authorize) && flow.CallbackParameters(authorize).ContainsKey("code"), "A disabled client got a code.");
        Assert.DoesNotContain("/account/login", authorize.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.False((await JsonAsync(enabled)).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, afterEnable.Status);
        Assert.Null(refreshAfterEnable["access_token"]);
        Assert.Single(await AuditAsync(Server, Acme, "admin.clients.disabled", clientId));
        Assert.Single(await AuditAsync(Server, Acme, "admin.clients.enabled", clientId));
    }

    [Fact]
    public async Task DisableOrDelete_TheCallersOwnClient_409()
    {
        using var admin = await AdminAsync(Server, Acme);

        var disable = await admin.PostAsync(Url("clients/admin-tool/disable"), null);
        var delete = await admin.DeleteAsync(Url("clients/admin-tool"));

        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheClient_ItsTokensStopWorking_AndIsAudited()
    {
        using var admin = await AdminAsync(Server, Acme);
        var clientId = Unique("batch");
        var secret = (await JsonAsync(await admin.PostAsJsonAsync(Url("clients"), Machine(clientId)))).GetProperty("clientSecret").GetString()!;

        var deleted = await admin.DeleteAsync(Url($"clients/{clientId}"));
        var again = await admin.DeleteAsync(Url($"clients/{clientId}"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"clients/{clientId}"))).StatusCode);
        Assert.Equal("invalid_client", (await ClientCredentialsAsync(clientId, secret)).Error);
        var audit = JsonDocument.Parse(Assert.Single(await AuditAsync(Server, Acme, "admin.clients.deleted", clientId)).DataJson!).RootElement;
        Assert.Equal(clientId, audit.GetProperty("before").GetProperty("clientId").GetString());
        Assert.Equal(JsonValueKind.Null, audit.GetProperty("after").ValueKind);
    }

    [Fact]
    public async Task AnotherTenantsClient_Is404_ForEveryEndpoint()
    {
        using var globex = await AdminAsync(Server, TestTenants.Globex);
        var clientId = Unique("globex-only");
        Assert.Equal(HttpStatusCode.Created, (await globex.PostAsJsonAsync(Server.Url(TestTenants.Globex, "admin/api/clients"), Machine(clientId))).StatusCode);
        using var admin = await AdminAsync(Server, Acme);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"clients/{clientId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync(Url($"clients/{clientId}"), Machine(clientId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(Url($"clients/{clientId}/secret"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(Url($"clients/{clientId}/disable"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(Url($"clients/{clientId}/enable"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(Url($"clients/{clientId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await globex.GetAsync(Server.Url(TestTenants.Globex, $"admin/api/clients/{clientId}"))).StatusCode);
    }

    [Fact]
    public async Task List_Paginates_WithAnOpaqueCursor_AndRefusesABadLimit()
    {
        using var admin = await AdminAsync(Server, Acme);
        var prefix = Unique("page");
        foreach (var n in new[] { "a", "b", "c" })
        {
            await admin.PostAsJsonAsync(Url("clients"), Machine($"{prefix}-{n}"));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await JsonAsync(await admin.GetAsync(Url("clients?limit=2" + (cursor is null ? string.Empty : "&cursor=" + cursor))));
            var items = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("clientId").GetString()!).ToList();
            Assert.InRange(items.Count, 0, 2);
            seen.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal([$"{prefix}-a", $"{prefix}-b", $"{prefix}-c"], seen.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Contains("machine", seen);
        Assert.NotEmpty(await FieldErrorsAsync(await admin.GetAsync(Url("clients?limit=0")), "limit"));
        Assert.NotEmpty(await FieldErrorsAsync(await admin.GetAsync(Url("clients?limit=201")), "limit"));
        Assert.NotEmpty(await FieldErrorsAsync(await admin.GetAsync(Url("clients?cursor=%25%25")), "cursor"));
    }

    [Fact]
    public async Task Clients_WithoutToken_401_WithoutTheAdminScope_Refused()
    {
        using var anonymous = new OidcFlow(Server, Server.CreateBrowser(), Acme).ApiClient();
        using var machine = await WithoutAdminScopeAsync(Server, Acme);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url("clients"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Url("clients"), Machine(Unique("x")))).StatusCode);
        AssertRefused((await machine.GetAsync(Url("clients"))).StatusCode);
        AssertRefused((await machine.PostAsync(Url("clients/web/secret"), null)).StatusCode);
    }

    private Uri Url(string path) => Server.Url(Acme, "admin/api/" + path);

    private static ClientBody Machine(string clientId) =>
        new(clientId, "confidential", "Batch " + clientId, [], [], null, ["client_credentials"], ["orders.read"], false, null);

    private static ClientBody Web(string clientId) =>
        new(clientId, "confidential", "Web " + clientId, [TestTenants.WebRedirectUri], [TestTenants.WebPostLogoutUri], null,
            ["authorization_code", "refresh_token"], ["openid", "profile", "offline_access"], false, null);

    private Task<TokenResponse> ClientCredentialsAsync(string clientId, string secret) =>
        new OidcFlow(Server, Server.CreateBrowser(), Acme).TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        });

    /// <summary>A call that authenticates the client without needing a grant it may not have: introspection.</summary>
    private Task<HttpResponseMessage> ClientCredentialsOrIntrospectAsync(string clientId, string secret) =>
        ClientRequests.PostAsync(Server, Acme, "connect/introspect", clientId, secret, new Dictionary<string, string> { ["token"] = "nothing" });

    private async Task<string?> StoredSecretAsync(string clientId)
    {
        await using var scope = await Server.ForTenantAsync(Acme);
        return await scope.ServiceProvider.GetRequiredService<Core.Data.CiamDbContext>().Set<CiamApplication>()
            .Where(a => a.ClientId == clientId).Select(a => a.ClientSecret).SingleAsync();
    }

    /// <summary>A client as the API takes it (sent camelCase).</summary>
    private sealed record ClientBody(string ClientId, string Type, string DisplayName, string[] RedirectUris, string[] PostLogoutRedirectUris,
        string? BackchannelLogoutUri, string[] GrantTypes, string[] Scopes, bool ConsentRequired, Lifetimes? TokenLifetimes);

    private sealed record Lifetimes(int? AccessTokenSeconds, int? IdentityTokenSeconds, int? RefreshTokenSeconds);
}
