using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiamServer.IntegrationTests.Sessions;
using Microsoft.IdentityModel.JsonWebTokens;
using static CiamServer.IntegrationTests.Admin.AdminApiKit;

namespace CiamServer.IntegrationTests.Admin;

[Trait("Category", "Admin")]
public sealed class ScopesApiTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private const string Acme = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task CreateUpdateGet_AndTokensOfAClientGrantedTheScopeAreForItsAudiences()
    {
        using var admin = await AdminAsync(Server, Acme);
        var name = Unique("invoices.read");

        var created = await admin.PostAsJsonAsync(Url("scopes"), new { name, displayName = "Read invoices", description = "See your invoices", audiences = new[] { "invoices-api" } });
        var client = await JsonAsync(await admin.PostAsJsonAsync(Url("clients"), new
        {
            clientId = Unique("batch"), type = "confidential", grantTypes = new[] { "client_credentials" }, scopes = new[] { name },
        }));
        var clientId = client.GetProperty("client").GetProperty("clientId").GetString()!;
        var secret = client.GetProperty("clientSecret").GetString()!;
        var first = new JsonWebToken((await TokenAsync(clientId, secret, name)).AccessToken);
        var updated = await admin.PutAsJsonAsync(Url($"scopes/{name}"), new { displayName = "Invoices", audiences = new[] { "invoices-api", "billing-api" } });
        var second = new JsonWebToken((await TokenAsync(clientId, secret, name)).AccessToken);
        var read = await JsonAsync(await admin.GetAsync(Url($"scopes/{name}")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["invoices-api"], first.Audiences);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(["billing-api", "invoices-api"], second.Audiences.Order(StringComparer.Ordinal));
        Assert.Equal("Invoices", read.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("description").ValueKind);
        Assert.Single(await AuditAsync(Server, Acme, "admin.scopes.created", name));
        var audit = JsonDocument.Parse(Assert.Single(await AuditAsync(Server, Acme, "admin.scopes.updated", name)).DataJson!).RootElement;
        Assert.Equal("Read invoices", audit.GetProperty("before").GetProperty("displayName").GetString());
        Assert.Equal(2, audit.GetProperty("after").GetProperty("audiences").GetArrayLength());
    }

    [Theory]
    [InlineData("""{ "name": "openid", "audiences": ["x"] }""", "name")]
    [InlineData("""{ "name": "roles", "audiences": ["x"] }""", "name")]
    [InlineData("""{ "name": "has space", "audiences": ["x"] }""", "name")]
    [InlineData("""{ "audiences": ["x"] }""", "name")]
    [InlineData("""{ "name": "no.audience" }""", "audiences")]
    [InlineData("""{ "name": "blank.audience", "audiences": [" "] }""", "audiences")]
    public async Task Create_BadInput_400NamingTheField(string json, string field)
    {
        using var admin = await AdminAsync(Server, Acme);

        var response = await admin.PostAsync(Url("scopes"), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty(await FieldErrorsAsync(response, field));
    }

    [Fact]
    public async Task Create_Existing_409()
    {
        using var admin = await AdminAsync(Server, Acme);

        var response = await admin.PostAsJsonAsync(Url("scopes"), new { name = "orders.read", audiences = new[] { "orders-api" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task StandardScopes_CannotBeChangedOrDeleted()
    {
        using var admin = await AdminAsync(Server, Acme);

        var update = await admin.PutAsJsonAsync(Url("scopes/profile"), new { audiences = new[] { "x" } });
        var delete = await admin.DeleteAsync(Url("scopes/openid"));

        Assert.NotEmpty(await FieldErrorsAsync(update, "name"));
        Assert.NotEmpty(await FieldErrorsAsync(delete, "name"));
    }

    [Fact]
    public async Task Delete_ScopeStillGrantedToAClient_409NamingTheClients_ThenDeletedOnceTakenOff()
    {
        using var admin = await AdminAsync(Server, Acme);
        var name = Unique("reports.read");
        await admin.PostAsJsonAsync(Url("scopes"), new { name, audiences = new[] { "reports-api" } });
        var clientId = Unique("reporter");
        await admin.PostAsJsonAsync(Url("clients"), new { clientId, type = "confidential", grantTypes = new[] { "client_credentials" }, scopes = new[] { name } });

        var refused = await admin.DeleteAsync(Url($"scopes/{name}"));
        var problem = await JsonAsync(refused);
        await admin.PutAsJsonAsync(Url($"clients/{clientId}"), new { grantTypes = new[] { "client_credentials" }, scopes = Array.Empty<string>() });
        var deleted = await admin.DeleteAsync(Url($"scopes/{name}"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal([clientId], problem.GetProperty("conflictsWith").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(clientId, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"scopes/{name}"))).StatusCode);
        var audit = JsonDocument.Parse(Assert.Single(await AuditAsync(Server, Acme, "admin.scopes.deleted", name)).DataJson!).RootElement;
        Assert.Equal(name, audit.GetProperty("before").GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnotherTenantsScope_Is404_AndMissingIs404()
    {
        using var globex = await AdminAsync(Server, TestTenants.Globex);
        var name = Unique("globex.only");
        Assert.Equal(HttpStatusCode.Created,
            (await globex.PostAsJsonAsync(Server.Url(TestTenants.Globex, "admin/api/scopes"), new { name, audiences = new[] { "g" } })).StatusCode);
        using var admin = await AdminAsync(Server, Acme);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"scopes/{name}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync(Url($"scopes/{name}"), new { audiences = new[] { "a" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(Url($"scopes/{name}"))).StatusCode);
    }

    [Fact]
    public async Task List_Paginates()
    {
        using var admin = await AdminAsync(Server, Acme);
        var prefix = Unique("list");
        foreach (var n in new[] { "a", "b", "c" })
        {
            await admin.PostAsJsonAsync(Url("scopes"), new { name = $"{prefix}.{n}", audiences = new[] { "x" } });
        }

        var first = await JsonAsync(await admin.GetAsync(Url("scopes?limit=1")));
        var all = new List<string>();
        var cursor = (string?)null;
        do
        {
            var page = await JsonAsync(await admin.GetAsync(Url("scopes?limit=2" + (cursor is null ? string.Empty : "&cursor=" + cursor))));
            all.AddRange(page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && all.Count < 1000);

        Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.String, first.GetProperty("nextCursor").ValueKind);
        Assert.Equal([$"{prefix}.a", $"{prefix}.b", $"{prefix}.c"], all.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Contains("orders.read", all);
        Assert.DoesNotContain("openid", all);
    }

    [Fact]
    public async Task Scopes_WithoutToken_401_WithoutTheAdminScope_Refused()
    {
        using var anonymous = new OidcFlow(Server, Server.CreateBrowser(), Acme).ApiClient();
        using var machine = await WithoutAdminScopeAsync(Server, Acme);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url("scopes"))).StatusCode);
        AssertRefused((await machine.GetAsync(Url("scopes"))).StatusCode);
        AssertRefused((await machine.DeleteAsync(Url("scopes/orders.read"))).StatusCode);
    }

    private Uri Url(string path) => Server.Url(Acme, "admin/api/" + path);

    private Task<TokenResponse> TokenAsync(string clientId, string secret, string scope) =>
        new OidcFlow(Server, Server.CreateBrowser(), Acme).TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        });
}
