using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CiamServer.IntegrationTests.Sessions;

namespace CiamServer.IntegrationTests.Admin;

[Trait("Category", "Admin")]
public sealed partial class AdminApiDocsTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task OpenApiDocument_Anonymous_ListsTheAdminPathsWithTheBearerScheme()
    {
        using var api = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();

        var response = await api.GetAsync(Server.Url(TestTenants.Acme, "admin/api/openapi.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/admin/api/users/{userId}/sessions", paths);
        Assert.Contains("/admin/api/users/{userId}/sessions/{sessionId}", paths);
        Assert.Contains("/admin/api/sign-ins", paths);
        Assert.Contains("/admin/api/risk/dry-run", paths);
        Assert.DoesNotContain(paths, p => !p.StartsWith("/admin/api/", StringComparison.Ordinal) || p.EndsWith("openapi.json", StringComparison.Ordinal));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        Assert.EndsWith($"/t/{TestTenants.Acme}", document.GetProperty("servers")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        var endOne = document.GetProperty("paths").GetProperty("/admin/api/users/{userId}/sessions/{sessionId}").GetProperty("delete");
        Assert.Equal("End one session", endOne.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task DocsPage_Anonymous_Is200WithItsScriptsServedHereAndAllowedByTheCsp()
    {
        using var browser = Server.CreateBrowser();

        var response = await browser.FollowAsync(await browser.GetAsync(Server.Url(TestTenants.Acme, "admin/api/docs")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var sources = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, s => s.Contains("//", StringComparison.Ordinal));
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        // As a browser reads the attribute (entities decoded).
        var nonce = System.Net.WebUtility.HtmlDecode(Nonce().Match(html).Groups[1].Value);
        Assert.NotEmpty(nonce);
        Assert.Contains($"'nonce-{nonce}'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        foreach (var source in sources)
        {
            var script = await browser.GetAsync(new Uri(response.RequestMessage!.RequestUri!, source));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
    }

    [Fact]
    public async Task OtherPages_HaveNoScriptNonceInTheirCsp()
    {
        using var api = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();

        var response = await api.GetAsync(Server.Url(TestTenants.Acme, "admin/api/openapi.json"));

        Assert.DoesNotContain("nonce-", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<script[^>]*\\snonce=\"([^\"]+)\"")]
    private static partial Regex Nonce();
}
