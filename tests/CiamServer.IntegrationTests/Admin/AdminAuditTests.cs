using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Users;
using CiamServer.IntegrationTests.Protocol;
using CiamServer.IntegrationTests.Sessions;
using CiamServer.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

[Trait("Category", "Admin")]
public sealed class AdminAuditTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task EndOne_IsAuditedWithTheAdminClientAndTheSession_AndNoToken()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: "openid"));
        var sessionId = Assert.IsType<string>(ProtocolCalls.Claim(tokens.AccessToken, "sid"));
        var (admin, adminToken) = await AdminClients.CreateAsync(flow, AdminSessionsApiTests.AdminSecret);
        using var _ = admin;
        var alice = await UserIdAsync("alice@example.com");

        var response = await admin.DeleteAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{alice}/sessions/{sessionId}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entry = Assert.Single(await AuditAsync("admin.sessions.ended"), e => e.DataJson!.Contains(sessionId, StringComparison.Ordinal));
        Assert.Equal("admin", entry.ActorType);
        Assert.Equal("admin-tool", entry.ActorId);
        Assert.Equal(("user", alice.ToString()), (entry.TargetType, entry.TargetId));
        Assert.Equal(sessionId, JsonDocument.Parse(entry.DataJson!).RootElement.GetProperty("sessionId").GetString());
        Assert.False(string.IsNullOrEmpty(entry.IpAddress));
        AssertHoldsNoToken(entry, adminToken, tokens.AccessToken);
    }

    [Fact]
    public async Task EndAll_IsAuditedWithTheEndedSessions()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: "openid"));
        var sessionId = Assert.IsType<string>(ProtocolCalls.Claim(tokens.AccessToken, "sid"));
        var (admin, adminToken) = await AdminClients.CreateAsync(flow, AdminSessionsApiTests.AdminSecret);
        using var _ = admin;
        var alice = await UserIdAsync("alice@example.com");

        var response = await admin.DeleteAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{alice}/sessions"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entry = Assert.Single(await AuditAsync("admin.sessions.ended_all"), e => e.DataJson!.Contains(sessionId, StringComparison.Ordinal));
        Assert.Equal(("admin", "admin-tool"), (entry.ActorType, entry.ActorId));
        Assert.Equal(("user", alice.ToString()), (entry.TargetType, entry.TargetId));
        AssertHoldsNoToken(entry, adminToken, tokens.AccessToken);
    }

    [Fact]
    public async Task DryRun_IsNotAudited()
    {
        var (admin, _) = await AdminClients.CreateAsync(new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme), AdminSessionsApiTests.AdminSecret);
        using var client = admin;
        var before = (await AuditAsync(null)).Count;

        var response = await admin.PostAsJsonAsync(Server.Url(TestTenants.Acme, "admin/api/risk/dry-run"), new { stepUpAt = 10, denyAt = 20 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, (await AuditAsync(null)).Count);
    }

    private static void AssertHoldsNoToken(AuditEvent entry, params string[] tokens)
    {
        var text = JsonSerializer.Serialize(entry);
        Assert.All(tokens, token => Assert.DoesNotContain(token, text, StringComparison.Ordinal));
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
    }

    /// <summary>The admin entries of Acme's audit log, optionally of one action.</summary>
    private async Task<List<AuditEvent>> AuditAsync(string? action)
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        var events = scope.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.AsNoTracking().Where(e => e.ActorType == "admin");
        return await (action is null ? events : events.Where(e => e.Action == action)).ToListAsync();
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByEmailAsync(email))!.Id;
    }
}
