using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiamServer.Admin.Tenants;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.IntegrationTests.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>Tenants as a super-admin manages them. Each test works on tenants it creates (random slugs), so the
/// tests hold in any order on one server.</summary>
[Trait("Category", "Admin")]
public sealed class TenantsApiTests(TenantsApiTests.Fixture fixture) : IClassFixture<TenantsApiTests.Fixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Create_NewSlug_ServesItsIssuerAndIsAudited()
    {
        var slug = GlobalAdmin.NewSlug("new");

        var result = await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.CreateAsync(new(slug, " New Shop "), default));

        Assert.Equal(TenantOutcome.Done, result.Outcome);
        Assert.Equal(("New Shop", true), (result.Value!.DisplayName, result.Value.Enabled));
        using var api = ProtocolCalls.ApiClient();
        var discovery = await ProtocolCalls.JsonAsync(await api.GetAsync(Server.Url(slug, ".well-known/openid-configuration")));
        Assert.Equal(Server.Issuer(slug), discovery.GetProperty("issuer").GetString());
        var entry = Assert.Single(await Server.AuditAsync(slug, "admin.tenants.created"));
        Assert.Equal((GlobalAdmin.ActorId, "tenant", slug), (entry.ActorId, entry.TargetType, entry.TargetId));
        Assert.Contains("New Shop", entry.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TakenSlug_Conflict()
    {
        var result = await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.CreateAsync(new(TestTenants.Acme, "Another Acme"), default));

        Assert.Equal(TenantOutcome.Conflict, result.Outcome);
        Assert.Equal("Acme Corp", (await Server.CallAsync<TenantAdmin, TenantResource?>(a => a.GetAsync(TestTenants.Acme, default)))!.DisplayName);
    }

    [Theory]
    [InlineData("admin", "Admins", "slug")]
    [InlineData("import", "Imports", "slug")]
    [InlineData("Upper", "Shop", "slug")]
    [InlineData("-dash", "Shop", "slug")]
    [InlineData("fine-slug", "", "displayName")]
    public async Task Create_BadInput_RefusedWithTheField(string slug, string displayName, string field)
    {
        var result = await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.CreateAsync(new(slug, displayName), default));

        Assert.Equal(TenantOutcome.Invalid, result.Outcome);
        Assert.Equal([field], result.Errors!.Keys);
    }

    [Fact]
    public async Task List_WalkedByCursor_ReturnsEveryTenantOnce()
    {
        var created = new[] { GlobalAdmin.NewSlug("list"), GlobalAdmin.NewSlug("list"), GlobalAdmin.NewSlug("list") };
        foreach (var slug in created)
        {
            await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.CreateAsync(new(slug, slug), default));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Server.CallAsync<TenantAdmin, TenantResult<TenantPage>>(a => a.ListAsync(2, cursor, default));
            Assert.True(page.Value!.Items.Count <= 2);
            seen.AddRange(page.Value.Items.Select(t => t.Slug));
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Superset(created.Append(TestTenants.Acme).Append(TenantAdmin.AdminTenantSlug).ToHashSet(), seen.ToHashSet());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData(0, null, "limit")]
    [InlineData(201, null, "limit")]
    [InlineData(10, "not a cursor!", "cursor")]
    public async Task List_BadPaging_RefusedWithTheField(int limit, string? cursor, string field)
    {
        var result = await Server.CallAsync<TenantAdmin, TenantResult<TenantPage>>(a => a.ListAsync(limit, cursor, default));

        Assert.Equal([field], result.Errors!.Keys);
    }

    [Fact]
    public async Task Rename_ChangesTheDisplayName_AuditedWithBeforeAndAfter()
    {
        var slug = await CreateAsync("rename");

        var result = await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.UpdateAsync(slug, new("Renamed Shop"), default));

        Assert.Equal("Renamed Shop", result.Value!.DisplayName);
        var data = JsonDocument.Parse(Assert.Single(await Server.AuditAsync(slug, "admin.tenants.renamed")).DataJson!).RootElement;
        Assert.Equal(slug, data.GetProperty("before").GetProperty("displayName").GetString());
        Assert.Equal("Renamed Shop", data.GetProperty("after").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Rename_OtherSlug_RefusedAndNothingChanges()
    {
        var slug = await CreateAsync("reslug");

        var result = await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.UpdateAsync(slug, new("Other", slug + "-x"), default));

        Assert.Equal(["slug"], result.Errors!.Keys);
        Assert.Equal(slug, (await Server.CallAsync<TenantAdmin, TenantResource?>(a => a.GetAsync(slug, default)))!.DisplayName);
        Assert.Null(await Server.CallAsync<TenantAdmin, TenantResource?>(a => a.GetAsync(slug + "-x", default)));
    }

    [Fact]
    public async Task Rename_MissingTenant_NotFound()
    {
        var result = await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.UpdateAsync("no-such-tenant", new("X"), default));

        Assert.Equal(TenantOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Disable_IssuerAnswers404AtOnce_EnableBringsItBack()
    {
        var slug = await CreateAsync("disable");
        using var api = ProtocolCalls.ApiClient();
        var discovery = Server.Url(slug, ".well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(discovery)).StatusCode);

        var disabled = await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.SetEnabledAsync(slug, false, default));
        var whileDisabled = (await api.GetAsync(discovery)).StatusCode;
        var enabled = await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.SetEnabledAsync(slug, true, default));

        Assert.False(disabled.Value!.Enabled);
        Assert.Equal(HttpStatusCode.NotFound, whileDisabled);
        Assert.True(enabled.Value!.Enabled);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(discovery)).StatusCode);
        Assert.Single(await Server.AuditAsync(slug, "admin.tenants.disabled"));
        Assert.Single(await Server.AuditAsync(slug, "admin.tenants.enabled"));
    }

    [Fact]
    public async Task DisableOrDelete_AdminTenant_Refused()
    {
        var disable = await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.SetEnabledAsync(TenantAdmin.AdminTenantSlug, false, default));
        var delete = await Server.CallAsync<TenantDeletion, TenantResult<TenantDeletionPreview>>(
            d => d.DeleteAsync(TenantAdmin.AdminTenantSlug, TenantAdmin.AdminTenantSlug, default));

        Assert.Equal(TenantOutcome.Conflict, disable.Outcome);
        Assert.Equal(TenantOutcome.Conflict, delete.Outcome);
        Assert.True((await Server.CallAsync<TenantAdmin, TenantResource?>(a => a.GetAsync(TenantAdmin.AdminTenantSlug, default)))!.Enabled);
    }

    [Fact]
    public async Task Delete_WithoutTheSlugConfirmed_RefusedAndNothingDeleted()
    {
        var slug = GlobalAdmin.NewSlug("keep");
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(slug, "Keep")}} ] }""");

        var result = await Server.CallAsync<TenantDeletion, TenantResult<TenantDeletionPreview>>(d => d.DeleteAsync(slug, "something-else", default));

        Assert.Equal(["confirm"], result.Errors!.Keys);
        var tenant = await Server.CallAsync<TenantAdmin, TenantResource?>(a => a.GetAsync(slug, default));
        Assert.True(tenant!.Enabled);
        Assert.Equal(2, await RowsOfAsync(slug, "AspNetUsers"));
    }

    [Fact]
    public async Task Delete_Confirmed_EndsSessionsThenRemovesEveryRowOfTheTenantOnly()
    {
        var slug = GlobalAdmin.NewSlug("gone");
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(slug, "Gone")}} ] }""");
        var tokens = await ProtocolCalls.TokensAsync(Server, slug, "openid email offline_access");
        var sessionId = ProtocolCalls.Claim(tokens.AccessToken, "sid");
        var tenantId = (await TenantAsync(slug)).Id;
        var acmeUsers = await RowsOfAsync(TestTenants.Acme, "AspNetUsers");

        var preview = await Server.CallAsync<TenantDeletion, TenantResult<TenantDeletionPreview>>(d => d.PreviewAsync(slug, default));
        var deleted = await Server.CallAsync<TenantDeletion, TenantResult<TenantDeletionPreview>>(d => d.DeleteAsync(slug, slug, default));

        Assert.Equal(TenantOutcome.Done, deleted.Outcome);
        var rows = preview.Value!.Rows.ToDictionary(r => r.Table, r => r.Count);
        Assert.Equal((2, 5, 2, 1), (rows["AspNetUsers"], rows["OpenIddictApplications"], rows["AspNetRoles"], rows["OpenIddictScopes"]));
        Assert.True(rows["OpenIddictTokens"] > 0 && rows["user_sessions"] > 0);
        Assert.Equal(1, preview.Value.OpenSessions);
        Assert.Null(await Server.CallAsync<TenantAdmin, TenantResource?>(a => a.GetAsync(slug, default)));
        using var api = ProtocolCalls.ApiClient();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(Server.Url(slug, ".well-known/openid-configuration"))).StatusCode);
        Assert.Empty(await RemainingRowsAsync(tenantId));
        Assert.True(await IsRevokedAsync("sid:" + sessionId));
        Assert.Equal(acmeUsers, await RowsOfAsync(TestTenants.Acme, "AspNetUsers"));
        var entry = Assert.Single(await Server.AuditAsync(TenantAdmin.AdminTenantSlug, "admin.tenants.deleted"), e => e.TargetId == slug);
        var data = JsonDocument.Parse(entry.DataJson!).RootElement;
        Assert.Equal(2, data.GetProperty("rows").GetProperty("AspNetUsers").GetInt32());
        Assert.Equal(1, data.GetProperty("endedSessions").GetInt32());
    }

    [Fact]
    public async Task DeletionPreview_MissingTenant_NotFound()
    {
        var result = await Server.CallAsync<TenantDeletion, TenantResult<TenantDeletionPreview>>(d => d.PreviewAsync("no-such-tenant", default));

        Assert.Equal(TenantOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Export_ThenImportUnderANewSlug_RecreatesTheTenant_AndItsUsersSignInWithTheirPasswords()
    {
        var source = GlobalAdmin.NewSlug("src");
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(source, "Source")}} ] }""");
        var exported = await ExportAsync(source, passwordHashes: true);
        var copy = GlobalAdmin.NewSlug("copy");

        var document = JsonNode.Parse(exported)!;
        document["tenants"]![0]!["slug"] = copy;
        foreach (var client in document["tenants"]![0]!["clients"]!.AsArray().Where(c => (string?)c!["type"] == "confidential"))
        {
            client!["secret"] = TestTenants.WebSecret;
        }

        var job = await ImportAndWaitAsync(document.ToJsonString());

        Assert.Equal(TenantImportStatus.Succeeded, job.Status);
        Assert.Equal(job.Total, job.Processed);
        Assert.Equal(1 + 1 + 2 + 5 + 2, job.Total);
        var again = JsonNode.Parse(await ExportAsync(copy, passwordHashes: true))!;
        var original = JsonNode.Parse(exported)!;
        original["tenants"]![0]!["slug"] = copy;
        Assert.Equal(original.ToJsonString(), again.ToJsonString());
        // The password hash came along: alice signs in at the copy with her password.
        var tokens = await ProtocolCalls.TokensAsync(Server, copy, "openid email");
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Single(await Server.AuditAsync(copy, "admin.tenants.imported"));
        Assert.Single(await Server.AuditAsync(source, "admin.tenants.exported"));
    }

    [Fact]
    public async Task Export_HoldsNoSecretAndNoHashUnlessAsked()
    {
        var slug = GlobalAdmin.NewSlug("exp");
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(slug, "Export")}} ] }""");

        var plain = await ExportAsync(slug, passwordHashes: false);
        var withHashes = await ExportAsync(slug, passwordHashes: true);

        Assert.DoesNotContain(TestTenants.WebSecret, plain, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", withHashes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("passwordHash", plain, StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(withHashes)!["tenants"]![0]!["users"]!.AsArray().Count(u => u!["passwordHash"] is not null));
        var audit = await Server.AuditAsync(slug, "admin.tenants.exported");
        Assert.Equal(2, audit.Count);
        Assert.DoesNotContain("AQAAAA", string.Join(' ', audit.Select(e => e.DataJson)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Exported_ConfidentialClientsWithoutSecrets_RefusedByPathAndNothingWritten()
    {
        var source = GlobalAdmin.NewSlug("nosec");
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(source, "No secrets")}} ] }""");
        var document = JsonNode.Parse(await ExportAsync(source, passwordHashes: false))!;
        var copy = GlobalAdmin.NewSlug("nocopy");
        document["tenants"]![0]!["slug"] = copy;

        var result = await SubmitAsync(document.ToJsonString());

        Assert.Equal(TenantOutcome.Invalid, result.Outcome);
        Assert.Contains("$.tenants[0].clients[0].secret", result.Errors!.Keys);
        Assert.Null(await Server.CallAsync<TenantAdmin, TenantResource?>(a => a.GetAsync(copy, default)));
    }

    [Theory]
    [InlineData("""{ "tenants": [ { "slug": "admin", "displayName": "Take over" } ] }""", "$.tenants[0].slug")]
    [InlineData("""{ "tenants": [ { "slug": "ok-slug", "displayName": "X", "users": [ { "email": "a@example.com", "passwordHash": "bm90IGEgaGFzaA==" } ] } ] }""", "$.tenants[0].users[0].passwordHash")]
    [InlineData("""{ "tenants": [ { "slug": "ok-slug", "displayName": "X", "colour": "red" } ] }""", "$.tenants[0].colour")]
    [InlineData("""{ "tenants": [ """, "$.tenants")]
    public async Task Import_BadDocument_RefusedWithThePath(string json, string path)
    {
        var result = await SubmitAsync(json);

        Assert.Equal(TenantOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors!.Keys, key => key.StartsWith(path, StringComparison.Ordinal));
        Assert.Null(await Server.CallAsync<TenantAdmin, TenantResource?>(a => a.GetAsync("ok-slug", default)));
    }

    private async Task<string> CreateAsync(string prefix)
    {
        var slug = GlobalAdmin.NewSlug(prefix);
        var result = await Server.CallAsync<TenantAdmin, TenantResult<TenantResource>>(a => a.CreateAsync(new(slug, slug), default));
        Assert.Equal(TenantOutcome.Done, result.Outcome);
        return slug;
    }

    private async Task<string> ExportAsync(string slug, bool passwordHashes)
    {
        var tenant = await TenantAsync(slug);
        using var stream = new MemoryStream();
        // As the endpoint does: audited in the tenant, then streamed.
        await Server.CallAsync<TargetTenants, bool>(async s =>
        {
            await s.AuditAsync(tenant, "admin.tenants.exported", new { users = true, passwordHashes }, default);
            return true;
        });
        await Server.Services.GetRequiredService<TenantExporter>().WriteAsync(tenant, new TenantExporter.Options(true, passwordHashes), stream, default);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private Task<TenantResult<TenantImportJobResource>> SubmitAsync(string json) =>
        Server.CallAsync<TenantImportJobs, TenantResult<TenantImportJobResource>>(jobs => jobs.SubmitAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), default));

    /// <summary>Submits and polls the job as a client would until it has finished.</summary>
    private async Task<TenantImportJobResource> ImportAndWaitAsync(string json)
    {
        var submitted = await SubmitAsync(json);
        Assert.Equal(TenantOutcome.Done, submitted.Outcome);
        var jobs = Server.Services.GetRequiredService<TenantImportJobs>();
        for (var polls = 0; polls < 600; polls++)
        {
            if (jobs.Find(submitted.Value!.Id) is { Finished: true } job)
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import job did not finish within a minute.");
    }

    private async Task<Tenant> TenantAsync(string slug)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
    }

    private async Task<int> RowsOfAsync(string slug, string table)
    {
        var preview = await Server.CallAsync<TenantDeletion, TenantResult<TenantDeletionPreview>>(d => d.PreviewAsync(slug, default));
        return preview.Value!.Rows.Single(r => r.Table == table).Count;
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

    public sealed class Fixture : ServerFixture, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await Server.EnsureAdminTenantAsync();
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync();
    }
}
