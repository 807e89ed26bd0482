using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Risk;
using CiamServer.Core.Sessions;
using CiamServer.Core.Users;
using CiamServer.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

[Trait("Category", "Admin")]
public sealed class DashboardApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly DateTime Day = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Daily_CountsEachSeriesPerDay_EmptyDaysAsZero_OnlyThisTenant()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "dash-day");
        var other = await AdminTestTenants.CreateAsync(Server, "dash-other");
        await SeedAsync(tenant);
        await SeedAsync(other);
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var dashboard = await GetOkAsync(admin, tenant, "from=2026-03-01&to=2026-03-05");

        Assert.Equal("day", dashboard.GetProperty("bucket").GetString());
        Assert.Equal("2026-03-01T00:00:00Z", dashboard.GetProperty("from").GetString());
        Assert.Equal("2026-03-05T00:00:00Z", dashboard.GetProperty("to").GetString());
        Assert.Equal(
            [
                ("2026-03-01T00:00:00Z", 0, 0, 0, 0),
                ("2026-03-02T00:00:00Z", 2, 1, 2, 2),
                ("2026-03-03T00:00:00Z", 0, 0, 0, 0),
                ("2026-03-04T00:00:00Z", 1, 2, 0, 0),
            ],
            Points(dashboard));
        var totals = dashboard.GetProperty("totals");
        Assert.Equal((3, 3, 2, 2), (totals.GetProperty("signIns").GetInt32(), totals.GetProperty("signUps").GetInt32(), totals.GetProperty("failures").GetInt32(),
            totals.GetProperty("challenges").GetInt32()));
    }

    [Fact]
    public async Task Hourly_CountsPerHour_AndWidensToWholeHours()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "dash-hour");
        await SeedAsync(tenant);
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var dashboard = await GetOkAsync(admin, tenant, "from=2026-03-02T09:30:00Z&to=2026-03-02T11:15:00Z&bucket=hour");

        Assert.Equal("hour", dashboard.GetProperty("bucket").GetString());
        Assert.Equal(
            [
                ("2026-03-02T09:00:00Z", 0, 0, 0, 0),
                ("2026-03-02T10:00:00Z", 2, 0, 2, 2),
                ("2026-03-02T11:00:00Z", 0, 0, 0, 0),
            ],
            Points(dashboard));
    }

    [Fact]
    public async Task Default_TheLast30Days_EndingWithToday()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "dash-default");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var dashboard = await GetOkAsync(admin, tenant, string.Empty);

        var series = dashboard.GetProperty("series").EnumerateArray().Select(p => p.GetProperty("start").GetDateTime()).ToList();
        var generatedAt = dashboard.GetProperty("generatedAt").GetDateTime();
        Assert.Equal(30, series.Count);
        Assert.Equal(generatedAt.Date, series[^1]);
        Assert.All(series.Zip(series.Skip(1)), pair => Assert.Equal(TimeSpan.FromDays(1), pair.Second - pair.First));
        // The tenant's two imported users were created just now.
        Assert.Equal(2, dashboard.GetProperty("totals").GetProperty("signUps").GetInt32());
    }

    [Fact]
    public async Task ActiveSessions_CountsOnlySessionsWhoseCookieStillWorks()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "dash-sess");
        var now = DateTime.UtcNow;
        await using (var scope = await Server.ForTenantAsync(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
            var user = db.Users.Single(u => u.NormalizedEmail == "ALICE@EXAMPLE.COM").Id;
            UserSession Session(DateTime lastSeen, DateTime expires, DateTime? ended = null) => new()
            {
                Id = Guid.NewGuid().ToString("N"), UserId = user, CreatedAt = now.AddHours(-3), LastSeenAt = lastSeen, ExpiresAt = expires, EndedAt = ended,
            };
            db.Sessions.AddRange(
                Session(now.AddMinutes(-1), now.AddHours(1)),
                Session(now.AddMinutes(-2), now.AddHours(2)),
                Session(now.AddMinutes(-1), now.AddHours(1), ended: now.AddMinutes(-1)),
                Session(now.AddMinutes(-1), now.AddMinutes(-1)),
                Session(now.AddHours(-2), now.AddHours(1)));
            await db.SaveChangesAsync();
        }

        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        Assert.Equal(2, (await GetOkAsync(admin, tenant, "days=1")).GetProperty("activeSessions").GetInt32());
    }

    [Fact]
    public async Task CrossTenant_AdminOfTheTenant_ReadsItsDashboard()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "dash-cross");
        await SeedAsync(tenant);
        await Server.CreateAdminAsync("dashboard-admin@admin.test", tenant);
        var (admin, _) = await Server.ForAdminAsync("dashboard-admin@admin.test");
        using var __ = admin;

        var response = await admin.GetAsync(Server.Url(Server.AdminTenant(), $"admin/api/tenants/{tenant}/dashboard?from=2026-03-02&to=2026-03-03"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("2026-03-02T00:00:00Z", 2, 1, 2, 2)], Points(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement));
    }

    [Theory]
    [InlineData("bucket=week", "bucket")]
    [InlineData("days=0", "days")]
    [InlineData("days=367", "days")]
    [InlineData("days=abc", "days")]
    [InlineData("days=32&bucket=hour", "days")]
    [InlineData("from=2026-03-01", "to")]
    [InlineData("to=2026-03-01", "from")]
    [InlineData("from=yesterday&to=2026-03-01", "from")]
    [InlineData("from=2026-03-05&to=2026-03-01", "to")]
    [InlineData("from=2026-01-01&to=2026-03-01&bucket=hour", "to")]
    [InlineData("from=2024-01-01&to=2026-03-01", "to")]
    [InlineData("days=7&from=2026-03-01&to=2026-03-02", "days")]
    public async Task BadQuery_400WithTheField(string query, string field)
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "dash-bad");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var response = await admin.GetAsync(Server.Url(tenant, "admin/api/dashboard?" + query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
    }

    [Fact]
    public async Task Dashboard_WithoutToken_Or_WithoutTheAdminScope_401()
    {
        var flow = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme);
        using var anonymous = flow.ApiClient();
        using var machine = flow.ApiClient();
        var token = (await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "machine", ["client_secret"] = TestTenants.MachineSecret, ["scope"] = "orders.read",
        })).AccessToken;
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var withoutToken = await anonymous.GetAsync(Server.Url(TestTenants.Acme, "admin/api/dashboard"));
        var withoutScope = await machine.GetAsync(Server.Url(TestTenants.Acme, "admin/api/dashboard"));

        // Without the scope the token also lacks the ciam.admin audience: refused as unauthenticated.
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (withoutToken.StatusCode, withoutScope.StatusCode));
    }

    /// <summary>On 2 March 2026 at 10:xx: 2 sign-ins, 2 failures (refused, second factor failed), one still at its
    /// challenge, 2 challenges, 1 account; on 4 March: 1 sign-in, 2 accounts; and rows just outside 1-4 March.</summary>
    private async Task SeedAsync(string tenant)
    {
        await using var scope = await Server.ForTenantAsync(tenant);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var at10 = Day.AddHours(10);
        db.SignInAttempts.AddRange(
            Attempt(at10, SignInOutcomes.Succeeded),
            Attempt(at10.AddMinutes(59), SignInOutcomes.Succeeded),
            Attempt(at10.AddMinutes(5), SignInOutcomes.Denied),
            Attempt(at10.AddMinutes(6), SignInOutcomes.ChallengeFailed),
            Attempt(at10.AddMinutes(7), SignInOutcomes.Challenged),
            Attempt(Day.AddDays(2).AddHours(23).AddMinutes(59), SignInOutcomes.Succeeded),
            Attempt(Day.AddDays(3), SignInOutcomes.Succeeded),
            Attempt(Day.AddDays(-1).AddTicks(-10), SignInOutcomes.Succeeded));
        db.Users.AddRange(User(Day.AddHours(5)), User(Day.AddDays(2)), User(Day.AddDays(2).AddHours(12)), User(Day.AddDays(3)));
        db.AuditEvents.AddRange(
            Audit(at10.AddMinutes(7), "sign_in.challenged"),
            Audit(at10.AddMinutes(6), "sign_in.challenged"),
            Audit(at10, "sign_in.succeeded"),
            Audit(Day.AddDays(-2), "sign_in.challenged"));
        await db.SaveChangesAsync();
    }

    private static SignInAttempt Attempt(DateTime at, string outcome) => new()
    {
        AccountName = "SEED@EXAMPLE.COM", Methods = "pwd", Decision = "allow", ReasonsJson = "[]", InputsJson = "{}", Outcome = outcome, CreatedAt = at,
    };

    private static CiamUser User(DateTime at)
    {
        var email = AccountPages.UniqueEmail("seed");
        return new CiamUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), CreatedAt = at, UpdatedAt = at,
        };
    }

    private static AuditEvent Audit(DateTime at, string action) => new() { ActorType = "user", Action = action, CreatedAt = at };

    private static List<(string, int, int, int, int)> Points(JsonElement dashboard) =>
        dashboard.GetProperty("series").EnumerateArray().Select(p => (p.GetProperty("start").GetString()!, p.GetProperty("signIns").GetInt32(),
            p.GetProperty("signUps").GetInt32(), p.GetProperty("failures").GetInt32(), p.GetProperty("challenges").GetInt32())).ToList();

    private async Task<JsonElement> GetOkAsync(HttpClient admin, string tenant, string query)
    {
        var response = await admin.GetAsync(Server.Url(tenant, "admin/api/dashboard?" + query));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
