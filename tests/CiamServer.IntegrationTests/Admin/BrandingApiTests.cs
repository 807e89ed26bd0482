using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.IntegrationTests.Sessions;
using CiamServer.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

[Trait("Category", "Admin")]
public sealed class BrandingApiTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private static readonly object Valid = new
    {
        logoUrl = "https://cdn.example.com/acme.svg",
        primaryColor = "#0a7d4f",
        accentColor = "#aa3300",
        backgroundColor = "#fafafa",
        textColor = "#111111",
        customCss = ".card { border-radius: 2px; }\nh1 { letter-spacing: .02em; }",
    };

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Get_ReturnsTheTenantsNameAndBranding()
    {
        using var admin = await AdminAsync(TestTenants.Globex);

        var json = await admin.GetFromJsonAsync<JsonElement>(Server.Url(TestTenants.Globex, "admin/api/branding"));

        Assert.Equal(TestTenants.Globex, json.GetProperty("displayName").GetString());
        Assert.Equal("#123456", json.GetProperty("primaryColor").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("customCss").ValueKind);
    }

    [Fact]
    public async Task Put_ValidValues_SavedShownOnTheLoginPageAtOnceAndAuditedWithBeforeAndAfter()
    {
        using var admin = await AdminAsync(TestTenants.Acme);
        using var browser = Server.CreateBrowser();
        await browser.GetAsync(Server.Url(TestTenants.Acme, "account/login")); // the tenant is now cached

        var response = await admin.PutAsJsonAsync(Server.Url(TestTenants.Acme, "admin/api/branding"), Valid);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("#aa3300", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accentColor").GetString());
        var page = await BrowserLikeClient.ParseAsync(await browser.GetAsync(Server.Url(TestTenants.Acme, "account/login")));
        var style = string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent));
        Assert.Contains("--primary: #0a7d4f; --accent: #aa3300; --bg: #fafafa; --text: #111111;", style, StringComparison.Ordinal);
        Assert.Equal(".card { border-radius: 2px; }\nh1 { letter-spacing: .02em; }\n", page.QuerySelector("style#tenant-css")?.TextContent);
        Assert.Equal("https://cdn.example.com/acme.svg", page.QuerySelector("img.logo")?.GetAttribute("src"));
        var entry = Assert.Single(await AuditAsync(), e => JsonDocument.Parse(e.DataJson!).RootElement.GetProperty("after").GetProperty("accentColor").ToString() == "#aa3300");
        Assert.Equal(("admin", "admin-tool", "tenant"), (entry.ActorType, entry.ActorId, entry.TargetType));
        var data = JsonDocument.Parse(entry.DataJson!).RootElement;
        Assert.Equal("#aa3300", data.GetProperty("after").GetProperty("accentColor").GetString());
        Assert.NotEqual("#aa3300", data.GetProperty("before").GetProperty("accentColor").ToString());
        Assert.DoesNotContain("eyJ", entry.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_BadValues_400WithEachFieldAndNothingSaved()
    {
        using var admin = await AdminAsync(TestTenants.Globex);
        var before = await admin.GetStringAsync(Server.Url(TestTenants.Globex, "admin/api/branding"));

        var response = await admin.PutAsJsonAsync(Server.Url(TestTenants.Globex, "admin/api/branding"), new
        {
            logoUrl = "http://insecure.example/logo.png",
            primaryColor = "red",
            accentColor = "#12",
            customCss = ".card { color: #222; }\nbody { background: url(https://evil.example/x.png); }",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["accentColor", "customCss", "logoUrl", "primaryColor"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("Line 2: ", errors.GetProperty("customCss")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("url", errors.GetProperty("customCss")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await admin.GetStringAsync(Server.Url(TestTenants.Globex, "admin/api/branding")));
    }

    [Fact]
    public async Task Put_OneTenant_LeavesTheOtherAlone()
    {
        using var admin = await AdminAsync(TestTenants.Acme);
        using var globexAdmin = await AdminAsync(TestTenants.Globex);

        await admin.PutAsJsonAsync(Server.Url(TestTenants.Acme, "admin/api/branding"), new { primaryColor = "#abcdef" });

        var globex = await globexAdmin.GetFromJsonAsync<JsonElement>(Server.Url(TestTenants.Globex, "admin/api/branding"));
        Assert.NotEqual("#abcdef", globex.GetProperty("primaryColor").GetString());
    }

    [Fact]
    public async Task Preview_DraftValues_RenderedSandboxedAndNotSaved()
    {
        using var admin = await AdminAsync(TestTenants.Globex);
        using var browser = Server.CreateBrowser();

        var response = await admin.PostAsJsonAsync(Server.Url(TestTenants.Globex, "admin/api/branding/preview"), new
        {
            primaryColor = "#fedcba",
            logoUrl = "javascript:alert(1)",
            customCss = ".card { color: #010203; }\n</style><script>alert(1)</script>",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("sandbox", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("--primary: #fedcba", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(TestTenants.Globex, html, StringComparison.Ordinal);
        var login = await (await browser.GetAsync(Server.Url(TestTenants.Globex, "account/login"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("#fedcba", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ValidCss_KeptInTheTenantStyle()
    {
        using var admin = await AdminAsync(TestTenants.Globex);

        var response = await admin.PostAsJsonAsync(Server.Url(TestTenants.Globex, "admin/api/branding/preview"), new { customCss = "h1 { color: #010203; }" });

        var page = await BrowserLikeClient.ParseAsync(response);
        Assert.Equal("h1 { color: #010203; }\n", page.QuerySelector("style#tenant-css")?.TextContent);
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href*='site.css']"));
    }

    [Theory]
    [InlineData("GET", "admin/api/branding")]
    [InlineData("PUT", "admin/api/branding")]
    [InlineData("POST", "admin/api/branding/preview")]
    public async Task Branding_WithoutToken_Is401(string method, string path)
    {
        using var api = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();

        var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), Server.Url(TestTenants.Acme, path)) { Content = JsonContent.Create(Valid) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "admin/api/branding")]
    [InlineData("PUT", "admin/api/branding")]
    [InlineData("POST", "admin/api/branding/preview")]
    public async Task Branding_WithoutTheAdminScope_Refused(string method, string path)
    {
        var flow = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme);
        using var api = flow.ApiClient();
        var token = (await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "machine", ["client_secret"] = TestTenants.MachineSecret, ["scope"] = "orders.read",
        })).AccessToken;
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), Server.Url(TestTenants.Acme, path)) { Content = JsonContent.Create(Valid) });

        // A token of another API (audience orders) is refused by the access token scheme itself (401); one with the
        // admin audience but not the scope would be 403: either way no branding call goes through.
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Put_WithAnotherTenantsAdminToken_Is401AndChangesNothing()
    {
        using var globexAdmin = await AdminAsync(TestTenants.Globex);
        using var acmeAdmin = await AdminAsync(TestTenants.Acme);
        var before = await acmeAdmin.GetStringAsync(Server.Url(TestTenants.Acme, "admin/api/branding"));

        var response = await globexAdmin.PutAsJsonAsync(Server.Url(TestTenants.Acme, "admin/api/branding"), new { primaryColor = "#999999" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await acmeAdmin.GetStringAsync(Server.Url(TestTenants.Acme, "admin/api/branding")));
    }

    [Fact]
    public async Task CrossTenant_TenantAdmin_ReadsAndWritesTheirTenant_RefusedAnother()
    {
        await Server.CreateAdminAsync("branding-api@admin.test", TestTenants.Globex);
        var (api, _) = await Server.ForAdminAsync("branding-api@admin.test");
        using var client = api;
        var admin = Server.AdminTenant();

        var own = await client.PutAsJsonAsync(Server.Url(admin, $"admin/api/tenants/{TestTenants.Globex}/branding"), new { primaryColor = "#123456", textColor = "#222" });
        var other = await client.GetAsync(Server.Url(admin, $"admin/api/tenants/{TestTenants.Acme}/branding"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("#222", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("textColor").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    private async Task<HttpClient> AdminAsync(string tenant) =>
        (await AdminClients.CreateAsync(new OidcFlow(Server, Server.CreateBrowser(), tenant), AdminSessionsApiTests.AdminSecret)).Client;

    private async Task<List<AuditEvent>> AuditAsync()
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == "admin.branding.updated").ToListAsync();
    }
}
