using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Users;
using CiamServer.IntegrationTests.Sessions;
using CiamServer.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CiamServer.IntegrationTests.Admin;

[Trait("Category", "Admin")]
public sealed class UserImportApiTests(AdminSessionsApiTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Csv_Is202_TheJobCreatesTheUsersSkipsExistingOnesAndIsAudited()
    {
        using var admin = await AdminAsync(TestTenants.Acme);
        var (first, phone) = (AccountPages.UniqueEmail("csv"), UniquePhone());
        var csv = "email,phone,givenName,familyName,emailVerified,roles\n" +
            $"{first},,Grace,Hopper,true,customer;support\n" +
            "alice@example.com,,Alice,Again,true,\n" +
            $",{phone},\"Text, Only\",,,\n";

        var response = await admin.PostAsync(Url(TestTenants.Acme, "admin/api/users/import"), new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await JsonAsync(response);
        var jobId = started.GetProperty("id").GetString()!;
        Assert.Equal(3, started.GetProperty("total").GetInt32());
        Assert.EndsWith($"/t/acme/admin/api/users/import/{jobId}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var job = await FinishedAsync(admin, TestTenants.Acme, jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((3, 2, 1), (job.GetProperty("processed").GetInt32(), job.GetProperty("created").GetInt32(), job.GetProperty("skipped").GetInt32()));
        var skip = Assert.Single(job.GetProperty("skippedRows").EnumerateArray());
        Assert.Equal(2, skip.GetProperty("row").GetInt32());
        await using (var scope = await Server.ForTenantAsync(TestTenants.Acme))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>();
            var grace = (await users.FindByEmailAsync(first))!;
            Assert.Equal(("Grace", "Hopper", true), (grace.GivenName, grace.FamilyName, grace.EmailConfirmed));
            Assert.Equal(["customer", "support"], (await users.GetRolesAsync(grace)).Order(StringComparer.Ordinal));
            var textOnly = (await users.FindByNameAsync(phone))!;
            Assert.Equal(("Text, Only", phone, true), (textOnly.GivenName, textOnly.PhoneNumber, textOnly.PhoneNumberConfirmed));
            Assert.Equal("Liddell", (await users.FindByEmailAsync("alice@example.com"))!.FamilyName);
            var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
            Assert.Null((await db.UserImportJobs.SingleAsync(j => j.Id == Guid.Parse(jobId))).RowsJson);
        }

        var entry = Assert.Single(await AuditAsync(TestTenants.Acme, "admin.users.imported", jobId));
        Assert.Equal(("admin", "admin-tool"), (entry.ActorType, entry.ActorId));
        var data = JsonDocument.Parse(entry.DataJson!).RootElement;
        Assert.Equal((3, 2, 1), (data.GetProperty("total").GetInt32(), data.GetProperty("created").GetInt32(), data.GetProperty("skipped").GetInt32()));
        Assert.DoesNotContain(first, entry.DataJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Is202_AndTheImportedUserCanBeInvited()
    {
        using var admin = await AdminAsync(TestTenants.Acme);
        var email = AccountPages.UniqueEmail("json");
        var json = JsonSerializer.Serialize(new[] { new { email, givenName = "Jay", emailVerified = false, roles = new[] { "customer" } } });

        var response = await admin.PostAsync(Url(TestTenants.Acme, "admin/api/users/import"), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await FinishedAsync(admin, TestTenants.Acme, (await JsonAsync(response)).GetProperty("id").GetString()!);
        Assert.Equal(1, job.GetProperty("created").GetInt32());
        Guid id;
        await using (var scope = await Server.ForTenantAsync(TestTenants.Acme))
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByEmailAsync(email))!;
            Assert.False(user.EmailConfirmed);
            id = user.Id;
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(Url(TestTenants.Acme, $"admin/api/users/{id}/invite"), null)).StatusCode);
        await Server.Mailbox.WaitForAsync(email, "invited");
    }

    [Fact]
    public async Task ManyRows_RunInSeveralBatches_AndAllAreCreated()
    {
        using var admin = await AdminAsync(TestTenants.Acme);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        const int count = 2_600;
        var csv = new StringBuilder("email,givenName\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"bulk-{prefix}-{i}@example.com,User {i}\n");
        }

        var clock = Stopwatch.StartNew();
        var response = await admin.PostAsync(Url(TestTenants.Acme, "admin/api/users/import"), new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        var accepted = clock.Elapsed;
        var job = await FinishedAsync(admin, TestTenants.Acme, (await JsonAsync(response)).GetProperty("id").GetString()!);
        output.WriteLine($"{count} rows: 202 after {accepted.TotalMilliseconds:F0} ms, finished after {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(("completed", count, count), (job.GetProperty("status").GetString(), job.GetProperty("processed").GetInt32(), job.GetProperty("created").GetInt32()));
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        var like = $"BULK-{prefix.ToUpperInvariant()}-%";
        Assert.Equal(count, await scope.ServiceProvider.GetRequiredService<CiamDbContext>().Users.CountAsync(u => EF.Functions.Like(u.NormalizedEmail!, like)));
    }

    [Fact]
    public async Task InvalidRows_Are400ByRow_AndNothingIsWritten()
    {
        using var admin = await AdminAsync(TestTenants.Acme);
        var valid = AccountPages.UniqueEmail("valid");
        var csv = "email,roles\n" + $"{valid},customer\n" + "not-an-email,\n" + $"{AccountPages.UniqueEmail("r")},owners\n" + $"{valid.ToUpperInvariant()},\n";
        var jobsBefore = await JobCountAsync();

        var response = await admin.PostAsync(Url(TestTenants.Acme, "admin/api/users/import"), new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["rows[2].email", "rows[3].roles", "rows[4].email"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(jobsBefore, await JobCountAsync());
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByEmailAsync(valid));
    }

    [Fact]
    public async Task OtherContentType_Is415_TooLarge_Is413()
    {
        using var admin = await AdminAsync(TestTenants.Acme);

        var xml = await admin.PostAsync(Url(TestTenants.Acme, "admin/api/users/import"), new StringContent("<users/>", Encoding.UTF8, "application/xml"));
        var huge = await admin.PostAsync(Url(TestTenants.Acme, "admin/api/users/import"),
            new StringContent("email\n" + new string('a', 10 * 1024 * 1024), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task Status_UnknownJobOrAnotherTenantsJob_Is404()
    {
        using var globex = await AdminAsync(TestTenants.Globex);
        var started = await globex.PostAsync(Url(TestTenants.Globex, "admin/api/users/import"),
            new StringContent("email\n" + AccountPages.UniqueEmail("globex") + "\n", Encoding.UTF8, "text/csv"));
        var globexJob = (await JsonAsync(started)).GetProperty("id").GetString();
        using var acme = await AdminAsync(TestTenants.Acme);

        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync(Url(TestTenants.Acme, $"admin/api/users/import/{globexJob}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync(Url(TestTenants.Acme, $"admin/api/users/import/{Guid.NewGuid()}"))).StatusCode);
        Assert.Equal("completed", (await FinishedAsync(globex, TestTenants.Globex, globexJob!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task WithoutToken_Is401()
    {
        using var anonymous = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();

        var start = await anonymous.PostAsync(Url(TestTenants.Acme, "admin/api/users/import"), new StringContent("email\na@example.com\n", Encoding.UTF8, "text/csv"));
        var status = await anonymous.GetAsync(Url(TestTenants.Acme, $"admin/api/users/import/{Guid.NewGuid()}"));

        Assert.Equal(HttpStatusCode.Unauthorized, start.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
    }

    private Uri Url(string tenant, string path) => Server.Url(tenant, path);

    private async Task<HttpClient> AdminAsync(string tenant) =>
        (await AdminClients.CreateAsync(new OidcFlow(Server, Server.CreateBrowser(), tenant), AdminSessionsApiTests.AdminSecret)).Client;

    /// <summary>Polls the job until it has ended (the worker runs it in the background).</summary>
    private async Task<JsonElement> FinishedAsync(HttpClient admin, string tenant, string jobId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var job = await JsonAsync(await admin.GetAsync(Url(tenant, $"admin/api/users/import/{jobId}")));
            if (job.GetProperty("status").GetString() is "completed" or "failed")
            {
                return job;
            }

            if (attempt > 1200)
            {
                throw new TimeoutException($"Import {jobId} did not finish: {job}");
            }

            await Task.Delay(100);
        }
    }

    private static string UniquePhone() => "+1201555" + Random.Shared.Next(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<int> JobCountAsync()
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().UserImportJobs.CountAsync();
    }

    private async Task<List<AuditEvent>> AuditAsync(string tenant, string action, string targetId)
    {
        await using var scope = await Server.ForTenantAsync(tenant);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == action && e.TargetId == targetId).ToListAsync();
    }
}
