using CiamServer.Core.Data;
using CiamServer.Core.OpenIddict;
using CiamServer.Core.Users;
using CiamServer.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Tenancy;

[Trait("Category", "Tenancy")]
public sealed class QueryFilterTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Users_TenantContextAcme_GlobexUsersInvisible()
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var globexId = await TenantIdAsync(db, TestTenants.Globex);
        var acmeId = await TenantIdAsync(db, TestTenants.Acme);

        var visible = await db.Users.AsNoTracking().ToListAsync();
        var alices = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == "ALICE@EXAMPLE.COM").ToListAsync();
        var allAlices = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.NormalizedEmail == "ALICE@EXAMPLE.COM").ToListAsync();

        Assert.NotEmpty(visible);
        Assert.All(visible, u => Assert.Equal(acmeId, u.TenantId));
        Assert.Equal(acmeId, Assert.Single(alices).TenantId);
        Assert.Contains(allAlices, u => u.TenantId == globexId);
        Assert.Empty(await db.Users.Where(u => u.TenantId == globexId).ToListAsync());
    }

    [Fact]
    public async Task Clients_TenantContextAcme_GlobexClientsInvisible()
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var globexId = await TenantIdAsync(db, TestTenants.Globex);
        var acmeId = await TenantIdAsync(db, TestTenants.Acme);

        var webClients = await db.Set<CiamApplication>().AsNoTracking().Where(a => a.ClientId == "web").ToListAsync();
        var allWebClients = await db.Set<CiamApplication>().IgnoreQueryFilters().AsNoTracking().Where(a => a.ClientId == "web").ToListAsync();

        Assert.Equal(acmeId, Assert.Single(webClients).TenantId);
        Assert.Equal(2, allWebClients.Count);
        Assert.Empty(await db.Set<CiamApplication>().Where(a => a.TenantId == globexId).ToListAsync());
        Assert.Empty(await db.Set<CiamScope>().Where(s => s.TenantId == globexId).ToListAsync());
        Assert.Empty(await db.Roles.Where(r => r.TenantId == globexId).ToListAsync());
    }

    [Fact]
    public async Task UserManager_TenantContextGlobex_FindsOnlyGlobexAccount()
    {
        await using var acmeScope = await Server.ForTenantAsync(TestTenants.Acme);
        await using var globexScope = await Server.ForTenantAsync(TestTenants.Globex);
        var atAcme = await acmeScope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByEmailAsync("alice@example.com");
        var atGlobex = await globexScope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByEmailAsync("alice@example.com");

        Assert.NotNull(atAcme);
        Assert.NotNull(atGlobex);
        Assert.NotEqual(atAcme.Id, atGlobex.Id);
        Assert.Null(await globexScope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByIdAsync(atAcme.Id.ToString()));
    }

    [Fact]
    public async Task Users_NoTenantContext_NothingVisible()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();

        Assert.Empty(await db.Users.ToListAsync());
        Assert.NotEmpty(await db.Users.IgnoreQueryFilters().ToListAsync());
    }

    private static Task<Guid> TenantIdAsync(CiamDbContext db, string slug) =>
        db.Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
}
