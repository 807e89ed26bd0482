using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiamServer.Admin.Tenants;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.IntegrationTests.Protocol;
using CiamServer.IntegrationTests.Sessions;
using CiamServer.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>Tenants through the admin tenant's global API with a super-admin's token. Each test works on tenants
/// it creates (random slugs), so the tests hold in any order on one server.</summary>
[Trait("Category", "Admin")]
public sealed class TenantsApiTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Create_NewSlug_ServesItsIssuerAndIsAudited()
    {
        using var admin = await Server.SuperAdminAsync();
        var slug = GlobalAdmin.NewSlug("new");

        var response = await admin.PostAsJsonAsync(Server.GlobalUrl("tenants"), new { slug, displayName = " New Shop " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(("New Shop", true), (body.GetProperty("displayName").GetString(), body.GetProperty("enabled").GetBoolean()));
        using var api = ProtocolCalls.ApiClient();
        var discovery = await ProtocolCalls.JsonAsync(await api.GetAsync(Server.Url(slug, ".well-known/openid-configuration")));
        Assert.Equal(Server.Issuer(slug), discovery.GetProperty("issuer").GetString());
        var entry = Assert.Single(await Server.AuditAsync(slug, "admin.tenants.created"));
        Assert.Equal(("tenant", slug), (entry.TargetType, entry.TargetId));
        Assert.False(string.IsNullOrEmpty(entry.ActorId));
        Assert.Contains("New Shop", entry.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TakenSlug_Conflict()
    {
        using var admin = await Server.SuperAdminAsync();

        var response = await admin.PostAsJsonAsync(Server.GlobalUrl("tenants"), new { slug = TestTenants.Acme, displayName = "Another Acme" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var acme = await (await admin.GetAsync(Server.GlobalUrl($"tenants/{TestTenants.Acme}"))).JsonAsync();
        Assert.Equal(TestTenants.Acme, acme.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("admin", "Admins", "slug")]
    [InlineData("import", "Imports", "slug")]
    [InlineData("Upper", "Shop", "slug")]
    [InlineData("-dash", "Shop", "slug")]
    [InlineData("fine-slug", "", "displayName")]
    public async Task Create_BadInput_400WithTheField(string slug, string displayName, string field)
    {
        using var admin = await Server.SuperAdminAsync();

        var response = await admin.PostAsJsonAsync(Server.GlobalUrl("tenants"), new { slug, displayName });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task List_WalkedByCursor_ReturnsEveryTenantOnceInSlugOrder()
    {
        using var admin = await Server.SuperAdminAsync();
        var created = new[] { GlobalAdmin.NewSlug("list"), GlobalAdmin.NewSlug("list"), GlobalAdmin.NewSlug("list") };
        foreach (var slug in created)
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Server.GlobalUrl("tenants"), new { slug, displayName = slug })).StatusCode);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync(Server.GlobalUrl("tenants?limit=2" + (cursor is null ? "" : "&cursor=" + cursor)))).JsonAsync();
            var items = page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("slug").GetString()!).ToList();
            Assert.True(items.Count <= 2);
            seen.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Superset(created.Append(TestTenants.Acme).Append(Server.AdminTenant()).ToHashSet(), seen.ToHashSet());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task List_BadPaging_400WithTheField(string query, string field)
    {
        using var admin = await Server.SuperAdminAsync();

        var response = await admin.GetAsync(Server.GlobalUrl("tenants?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Rename_ChangesTheDisplayName_AuditedWithBeforeAndAfter()
    {
        using var admin = await Server.SuperAdminAsync();
        var slug = await CreateAsync(admin, "rename");

        var response = await admin.PatchAsJsonAsync(Server.GlobalUrl($"tenants/{slug}"), new { displayName = "Renamed Shop" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Renamed Shop", (await response.JsonAsync()).GetProperty("displayName").GetString());
        var data = JsonDocument.Parse(Assert.Single(await Server.AuditAsync(slug, "admin.tenants.renamed")).DataJson!).RootElement;
        Assert.Equal(slug, data.GetProperty("before").GetProperty("displayName").GetString());
        Assert.Equal("Renamed Shop", data.GetProperty("after").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Rename_OtherSlug_400AndNothingChanges()
    {
        using var admin = await Server.SuperAdminAsync();
        var slug = await CreateAsync(admin, "reslug");

        var response = await admin.PatchAsJsonAsync(Server.GlobalUrl($"tenants/{slug}"), new { displayName = "Other", slug = slug + "-x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["slug"], await response.ErrorFieldsAsync());
        Assert.Equal(slug, (await (await admin.GetAsync(Server.GlobalUrl($"tenants/{slug}"))).JsonAsync()).GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Server.GlobalUrl($"tenants/{slug}-x"))).StatusCode);
    }

    [Theory]
    [InlineData("GET", "tenants/no-such-tenant")]
    [InlineData("PATCH", "tenants/no-such-tenant")]
    [InlineData("POST", "tenants/no-such-tenant/disable")]
    [InlineData("GET", "tenants/no-such-tenant/deletion")]
    [InlineData("DELETE", "tenants/no-such-tenant?confirm=no-such-tenant")]
    [InlineData("GET", "tenants/no-such-tenant/export")]
    [InlineData("GET", "tenants/import/0195d2a4-0000-7000-8000-000000000000")]
    public async Task MissingTenantOrJob_404(string method, string path)
    {
        using var admin = await Server.SuperAdminAsync();

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), Server.GlobalUrl(path))
        {
            Content = method == "PATCH" ? JsonContent.Create(new { displayName = "X" }) : null,
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Disable_IssuerAnswers404AtOnce_EnableBringsItBack()
    {
        using var admin = await Server.SuperAdminAsync();
        var slug = await CreateAsync(admin, "disable");
        using var api = ProtocolCalls.ApiClient();
        var discovery = Server.Url(slug, ".well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(discovery)).StatusCode);

        var disabled = await (await admin.PostAsync(Server.GlobalUrl($"tenants/{slug}/disable"), null)).JsonAsync();
        var whileDisabled = (await api.GetAsync(discovery)).StatusCode;
        var enabled = await (await admin.PostAsync(Server.GlobalUrl($"tenants/{slug}/enable"), null)).JsonAsync();

        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, whileDisabled);
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(discovery)).StatusCode);
        Assert.Single(await Server.AuditAsync(slug, "admin.tenants.disabled"));
        Assert.Single(await Server.AuditAsync(slug, "admin.tenants.enabled"));
    }

    [Fact]
    public async Task DisableOrDelete_AdminTenant_409()
    {
        using var admin = await Server.SuperAdminAsync();
        var slug = Server.AdminTenant();

        var disable = await admin.PostAsync(Server.GlobalUrl($"tenants/{slug}/disable"), null);
        var preview = await admin.GetAsync(Server.GlobalUrl($"tenants/{slug}/deletion"));
        var delete = await admin.DeleteAsync(Server.GlobalUrl($"tenants/{slug}?confirm={slug}"));

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (disable.StatusCode, preview.StatusCode, delete.StatusCode));
        Assert.True((await (await admin.GetAsync(Server.GlobalUrl($"tenants/{slug}"))).JsonAsync()).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Delete_WithoutTheSlugConfirmed_400AndNothingDeleted()
    {
        using var admin = await Server.SuperAdminAsync();
        var slug = GlobalAdmin.NewSlug("keep");
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(slug, "Keep")}} ] }""");

        var response = await admin.DeleteAsync(Server.GlobalUrl($"tenants/{slug}?confirm=something-else"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["confirm"], await response.ErrorFieldsAsync());
        Assert.True((await (await admin.GetAsync(Server.GlobalUrl($"tenants/{slug}"))).JsonAsync()).GetProperty("enabled").GetBoolean());
        Assert.Equal(2, await PreviewRowsAsync(admin, slug, "AspNetUsers"));
    }

    [Fact]
    public async Task Delete_Confirmed_EndsSessionsThenRemovesEveryRowOfTheTenantOnly()
    {
        using var admin = await Server.SuperAdminAsync();
        var slug = GlobalAdmin.NewSlug("gone");
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(slug, "Gone")}} ] }""");
        var tokens = await ProtocolCalls.TokensAsync(Server, slug, "openid email offline_access");
        var sessionId = ProtocolCalls.Claim(tokens.AccessToken, "sid");
        var tenantId = (await TenantAsync(slug)).Id;
        var acmeUsers = await PreviewRowsAsync(admin, TestTenants.Acme, "AspNetUsers");

        var preview = await (await admin.GetAsync(Server.GlobalUrl($"tenants/{slug}/deletion"))).JsonAsync();
        var response = await admin.DeleteAsync(Server.GlobalUrl($"tenants/{slug}?confirm={slug}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = preview.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("table").GetString()!, r => r.GetProperty("count").GetInt32());
        Assert.Equal((2, 5, 2, 1), (rows["AspNetUsers"], rows["OpenIddictApplications"], rows["AspNetRoles"], rows["OpenIddictScopes"]));
        Assert.True(rows["OpenIddictTokens"] > 0 && rows["user_sessions"] > 0);
        Assert.Equal(1, preview.GetProperty("openSessions").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Server.GlobalUrl($"tenants/{slug}"))).StatusCode);
        using var api = ProtocolCalls.ApiClient();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(Server.Url(slug, ".well-known/openid-configuration"))).StatusCode);
        Assert.Empty(await RemainingRowsAsync(tenantId));
        Assert.True(await IsRevokedAsync("sid:" + sessionId));
        Assert.Equal(acmeUsers, await PreviewRowsAsync(admin, TestTenants.Acme, "AspNetUsers"));
        var entry = Assert.Single(await Server.AuditAsync(Server.AdminTenant(), "admin.tenants.deleted"), e => e.TargetId == slug);
        var data = JsonDocument.Parse(entry.DataJson!).RootElement;
        Assert.Equal(2, data.GetProperty("rows").GetProperty("AspNetUsers").GetInt32());
        Assert.Equal(1, data.GetProperty("endedSessions").GetInt32());
    }

    [Fact]
    public async Task Export_ThenImportUnderANewSlug_RecreatesTheTenant_AndItsUsersSignInWithTheirPasswords()
    {
        using var admin = await Server.SuperAdminAsync();
        var source = GlobalAdmin.NewSlug("src");
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(source, "Source")}} ] }""");
        var exported = await ExportAsync(admin, source, "passwordHashes=true");
        var copy = GlobalAdmin.NewSlug("copy");
        var document = JsonNode.Parse(exported)!;
        document["tenants"]![0]!["slug"] = copy;
        foreach (var client in document["tenants"]![0]!["clients"]!.AsArray().Where(c => (string?)c!["type"] == "confidential"))
        {
            client!["secret"] = TestTenants.WebSecret;
        }

        var submitted = await admin.PostAsync(Server.GlobalUrl("tenants/import"), new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));
        var job = await WaitForJobAsync(admin, submitted);

        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.Equal(TenantImportStatus.Succeeded, job.GetProperty("status").GetString());
        Assert.Equal(1 + 1 + 2 + 5 + 2, job.GetProperty("total").GetInt32());
        Assert.Equal(job.GetProperty("total").GetInt32(), job.GetProperty("processed").GetInt32());
        var original = JsonNode.Parse(exported)!;
        original["tenants"]![0]!["slug"] = copy;
        Assert.Equal(original.ToJsonString(), JsonNode.Parse(await ExportAsync(admin, copy, "passwordHashes=true"))!.ToJsonString());
        // The password hash came along: alice signs in at the copy with her password.
        Assert.Equal(HttpStatusCode.OK, (await ProtocolCalls.TokensAsync(Server, copy, "openid email")).Status);
        Assert.Single(await Server.AuditAsync(copy, "admin.tenants.imported"));
        Assert.Single(await Server.AuditAsync(source, "admin.tenants.exported"));
    }

    [Fact]
    public async Task Export_IsADownload_HoldingNoSecretAndNoHashUnlessAsked()
    {
        using var admin = await Server.SuperAdminAsync();
        var slug = GlobalAdmin.NewSlug("exp");
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(slug, "Export")}} ] }""");

        var response = await admin.GetAsync(Server.GlobalUrl($"tenants/{slug}/export"));
        var plain = await response.Content.ReadAsStringAsync();
        var withHashes = await ExportAsync(admin, slug, "passwordHashes=true");
        var withoutUsers = JsonNode.Parse(await ExportAsync(admin, slug, "users=false"))!;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{slug}.json", response.Content.Headers.ContentDisposition!.FileName);
        Assert.DoesNotContain(TestTenants.WebSecret, plain, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", withHashes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("passwordHash", plain, StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(plain)!["tenants"]![0]!["users"]!.AsArray().Count);
        Assert.Equal(2, JsonNode.Parse(withHashes)!["tenants"]![0]!["users"]!.AsArray().Count(u => u!["passwordHash"] is not null));
        Assert.Null(withoutUsers["tenants"]![0]!["users"]);
        var audit = await Server.AuditAsync(slug, "admin.tenants.exported");
        Assert.Equal(3, audit.Count);
        Assert.Contains(audit, e => JsonDocument.Parse(e.DataJson!).RootElement.GetProperty("passwordHashes").GetBoolean());
        Assert.DoesNotContain("AQAAAA", string.Join(' ', audit.Select(e => e.DataJson)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AnExportAsItIs_400ForTheSecretsOfConfidentialClients_AndNothingWritten()
    {
        using var admin = await Server.SuperAdminAsync();
        var source = GlobalAdmin.NewSlug("nosec");
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(source, "No secrets")}} ] }""");
        var document = JsonNode.Parse(await ExportAsync(admin, source, ""))!;
        var copy = GlobalAdmin.NewSlug("nocopy");
        document["tenants"]![0]!["slug"] = copy;

        var response = await admin.PostAsync(Server.GlobalUrl("tenants/import"), new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.tenants[0].clients[0].secret", await response.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Server.GlobalUrl($"tenants/{copy}"))).StatusCode);
    }

    [Theory]
    [InlineData("""{ "tenants": [ { "slug": "admin", "displayName": "Take over" } ] }""", "$.tenants[0].slug")]
    [InlineData("""{ "tenants": [ { "slug": "ok-slug", "displayName": "X", "users": [ { "email": "a@example.com", "passwordHash": "bm90IGEgaGFzaA==" } ] } ] }""", "$.tenants[0].users[0].passwordHash")]
    [InlineData("""{ "tenants": [ { "slug": "ok-slug", "displayName": "X", "colour": "red" } ] }""", "$.tenants[0].colour")]
    [InlineData("""{ "tenants": [ """, "$")]
    public async Task Import_BadDocument_400WithThePath_AndNothingWritten(string json, string path)
    {
        using var admin = await Server.SuperAdminAsync();

        var response = await admin.PostAsync(Server.GlobalUrl("tenants/import"), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await response.ErrorFieldsAsync(), key => key.StartsWith(path, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Server.GlobalUrl("tenants/ok-slug"))).StatusCode);
    }

    [Fact]
    public async Task WithoutAToken_401()
    {
        using var anonymous = ProtocolCalls.ApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Server.GlobalUrl("tenants"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Server.GlobalUrl("tenants"), new { slug = "x", displayName = "X" })).StatusCode);
    }

    [Fact]
    public async Task TenantAdmin_OrATenantsOwnServiceAccount_403()
    {
        await Server.CreateAdminAsync("acme-only@admin.test", TestTenants.Acme);
        using var tenantAdmin = (await Server.ForAdminAsync("acme-only@admin.test")).Client;
        using var browser = Server.CreateBrowser();
        using var acmeService = (await AdminClients.CreateAsync(new OidcFlow(Server, browser, TestTenants.Acme), AdminSessionsApiTests.AdminSecret)).Client;

        var list = await tenantAdmin.GetAsync(Server.GlobalUrl("tenants"));
        var delete = await tenantAdmin.DeleteAsync(Server.GlobalUrl($"tenants/{TestTenants.Acme}?confirm={TestTenants.Acme}"));
        var local = await acmeService.GetAsync(Server.Url(TestTenants.Acme, "admin/api/tenants"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, delete.StatusCode, local.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await (await Server.SuperAdminAsync()).GetAsync(Server.GlobalUrl($"tenants/{TestTenants.Acme}"))).StatusCode);
    }

    private async Task<string> CreateAsync(HttpClient admin, string prefix)
    {
        var slug = GlobalAdmin.NewSlug(prefix);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Server.GlobalUrl("tenants"), new { slug, displayName = slug })).StatusCode);
        return slug;
    }

    private async Task<string> ExportAsync(HttpClient admin, string slug, string query)
    {
        var response = await admin.GetAsync(Server.GlobalUrl($"tenants/{slug}/export?{query}"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {body}");
        return body;
    }

    /// <summary>Polls the job the 202 points at, as a client would, until it has finished.</summary>
    private static async Task<JsonElement> WaitForJobAsync(HttpClient admin, HttpResponseMessage submitted)
    {
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var location = new Uri(submitted.RequestMessage!.RequestUri!, submitted.Headers.Location!);
        for (var polls = 0; polls < 600; polls++)
        {
            var job = await (await admin.GetAsync(location)).JsonAsync();
            if (job.GetProperty("finished").GetBoolean())
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import job did not finish within a minute.");
    }

    private async Task<int> PreviewRowsAsync(HttpClient admin, string slug, string table)
    {
        var preview = await (await admin.GetAsync(Server.GlobalUrl($"tenants/{slug}/deletion"))).JsonAsync();
        return preview.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("table").GetString() == table).GetProperty("count").GetInt32();
    }

    private async Task<Tenant> TenantAsync(string slug)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
    }

    /// <summary>Tables that still hold rows of the tenant id, read with the query filters off.</summary>
    private async Task<List<string>> RemainingRowsAsync(Guid tenantId)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var remaining = new List<string>();
        foreach (var entityType in TenantDeletion.DeletionOrder(db.Model))
        {
            var rows = (IQueryable<ITenantOwned>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                .MakeGenericMethod(entityType.ClrType).Invoke(db, null)!;
            if (await rows.IgnoreQueryFilters().AnyAsync(r => r.TenantId == tenantId))
            {
                remaining.Add(entityType.GetTableName()!);
            }
        }

        if (await db.Tenants.AnyAsync(t => t.Id == tenantId))
        {
            remaining.Add("tenants");
        }

        return remaining;
    }

    private async Task<bool> IsRevokedAsync(string member)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().Revocations.AnyAsync(r => r.Member == member);
    }
}
