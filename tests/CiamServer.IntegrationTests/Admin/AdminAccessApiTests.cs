using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiamServer.IntegrationTests.Sessions;
using CiamServer.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>Who may call which admin API: the rule of docs/admin/console.md, case by case, with real tokens.</summary>
[Trait("Category", "Admin")]
public sealed class AdminAccessApiTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private CiamTestServer Server => fixture.Server;

    private Uri AdminApi(string path) => Server.Url(Server.AdminTenant(), "admin/api/" + path);

    [Fact]
    public async Task SuperAdmin_ReachesEveryTenantThroughTheAdminTenant_AndLearnsAMissingOneIsMissing()
    {
        await Server.CreateAdminAsync("super-api@admin.test");
        var (api, _) = await Server.ForAdminAsync("super-api@admin.test");
        using var _api = api;

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(AdminApi($"tenants/{TestTenants.Acme}/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(AdminApi($"tenants/{TestTenants.Globex}/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(AdminApi("tenants/no-such-tenant/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(AdminApi("administrators"))).StatusCode);
        // The admin tenant's own API (its users are the administrators).
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(AdminApi("sign-ins"))).StatusCode);
    }

    [Fact]
    public async Task TenantAdmin_ReachesOnlyTheirTenant_AndCannotTellMissingFromForbidden()
    {
        await Server.CreateAdminAsync("acme-api@admin.test", TestTenants.Acme);
        var (api, _) = await Server.ForAdminAsync("acme-api@admin.test");
        using var _api = api;

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(AdminApi($"tenants/{TestTenants.Acme}/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(AdminApi($"tenants/{TestTenants.Globex}/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(AdminApi("tenants/no-such-tenant/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(AdminApi("administrators"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(AdminApi("sign-ins"))).StatusCode);
    }

    [Fact]
    public async Task AdminTenantToken_AtAnOrdinaryTenantsOwnApi_IsNotAccepted()
    {
        await Server.CreateAdminAsync("wrong-door@admin.test");
        var (api, _) = await Server.ForAdminAsync("wrong-door@admin.test");
        using var _api = api;

        var response = await api.GetAsync(Server.Url(TestTenants.Acme, "admin/api/sign-ins"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminTenantUserWithoutARole_IsRefusedEverywhere()
    {
        await Server.CreateAdminTenantUserAsync("no-role@admin.test");
        var (api, _) = await Server.ForAdminAsync("no-role@admin.test");
        using var _api = api;

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(AdminApi($"tenants/{TestTenants.Acme}/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(AdminApi("administrators"))).StatusCode);
    }

    [Fact]
    public async Task AdminServiceAccount_IsASuperAdmin()
    {
        var (api, _) = await Server.ForAdminServiceAccountAsync();
        using var _api = api;

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(AdminApi($"tenants/{TestTenants.Globex}/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(AdminApi("administrators"))).StatusCode);
    }

    [Fact]
    public async Task TenantServiceAccount_ReachesItsOwnApiOnly()
    {
        using var browser = Server.CreateBrowser();
        var (api, _) = await AdminClients.CreateAsync(new OidcFlow(Server, browser, TestTenants.Acme), AdminSessionsApiTests.AdminSecret);
        using var _api = api;

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Server.Url(TestTenants.Acme, "admin/api/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(Server.Url(TestTenants.Acme, $"admin/api/tenants/{TestTenants.Globex}/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(Server.Url(TestTenants.Acme, "admin/api/administrators"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(Server.Url(TestTenants.Globex, "admin/api/sign-ins"))).StatusCode);
    }

    [Fact]
    public async Task NoToken_Is401()
    {
        using var browser = Server.CreateBrowser();
        using var api = new OidcFlow(Server, browser, TestTenants.Acme).ApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(AdminApi($"tenants/{TestTenants.Acme}/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(AdminApi("administrators"))).StatusCode);
    }

    [Fact]
    public async Task Administrators_GiveAndRemoveARole_TakesEffectAtOnce_AndIsAudited()
    {
        await Server.CreateAdminAsync("granter@admin.test");
        await Server.CreateAdminTenantUserAsync("promoted@admin.test");
        var (granter, _) = await Server.ForAdminAsync("granter@admin.test");
        var (promoted, _) = await Server.ForAdminAsync("promoted@admin.test");
        using var _g = granter;
        using var _p = promoted;
        Assert.Equal(HttpStatusCode.Forbidden, (await promoted.GetAsync(AdminApi($"tenants/{TestTenants.Globex}/sign-ins"))).StatusCode);

        var added = await granter.PostAsJsonAsync(AdminApi("administrators"), new { email = "promoted@admin.test", role = "tenant-admin", tenant = TestTenants.Globex });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var grantId = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync(AdminApi($"tenants/{TestTenants.Globex}/sign-ins"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await granter.DeleteAsync(AdminApi($"administrators/{grantId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await promoted.GetAsync(AdminApi($"tenants/{TestTenants.Globex}/sign-ins"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await granter.DeleteAsync(AdminApi($"administrators/{grantId}"))).StatusCode);

        var audit = await AuditAsync("admin.grants.added");
        Assert.Contains(audit, data => data.Contains("promoted@admin.test", StringComparison.Ordinal) && data.Contains(TestTenants.Globex, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Administrators_BadInput_Is400WithTheField()
    {
        await Server.CreateAdminAsync("validator@admin.test");
        var (api, _) = await Server.ForAdminAsync("validator@admin.test");
        using var _api = api;

        var unknownUser = await api.PostAsJsonAsync(AdminApi("administrators"), new { email = "nobody@admin.test", role = "super-admin" });
        var badRole = await api.PostAsJsonAsync(AdminApi("administrators"), new { email = "validator@admin.test", role = "owner" });
        var noTenant = await api.PostAsJsonAsync(AdminApi("administrators"), new { email = "validator@admin.test", role = "tenant-admin", tenant = "no-such" });

        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        Assert.True(Errors(unknownUser).TryGetProperty("email", out _));
        Assert.True(Errors(badRole).TryGetProperty("role", out _));
        Assert.True(Errors(noTenant).TryGetProperty("tenant", out _));
    }

    private static JsonElement Errors(HttpResponseMessage response) =>
        JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty("errors");

    private async Task<List<string>> AuditAsync(string action)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.CiamDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEvents.IgnoreQueryFilters().Where(e => e.Action == action).Select(e => e.DataJson ?? string.Empty));
    }
}
