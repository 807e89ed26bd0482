using System.Data.Common;
using System.Net;
using CiamServer.Core.Data;
using CiamServer.Core.Risk;
using CiamServer.Core.Tenancy;
using CiamServer.IntegrationTests.Support;
using CiamServer.Risk;
using CiamServer.Risk.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Risk;

/// <summary>The default <see cref="ISignInHistory"/> and the whole engine on the test server's PostgreSQL and
/// Redis. The server does not register the risk engine yet, so the test builds AddCiamCore + AddCiamRisk
/// from the server's configuration, with a few networks placed for the test.</summary>
[Trait("Category", "Risk")]
public sealed class SignInHistoryTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly SqlCapture _sql = new();
    private readonly Lazy<ServiceProvider> _services = new(() => BuildServices(fixture.Server, new SqlCapture()));

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task RecentSuccessful_OnlySucceededOfThisUserAndTenant_NewestFirst()
    {
        var userId = Guid.NewGuid();
        var now = DateTime.UtcNow;
        await AddAttemptsAsync(TestTenants.Globex, Attempt(userId, now.AddMinutes(-1), SignInOutcomes.Succeeded, "globex-device"));
        await AddAttemptsAsync(TestTenants.Acme,
            Attempt(userId, now.AddDays(-3), SignInOutcomes.Succeeded, "device-3"),
            Attempt(userId, now.AddDays(-1), SignInOutcomes.Succeeded, "device-1", "FR", 48.85, 2.35, "198.51.100.7"),
            Attempt(userId, now.AddHours(-2), SignInOutcomes.Denied, "denied"),
            Attempt(userId, now.AddHours(-1), SignInOutcomes.ChallengeFailed, "challenge-failed"),
            Attempt(userId, now.AddDays(-2), SignInOutcomes.Succeeded, "device-2"),
            Attempt(userId, now.AddDays(-4), SignInOutcomes.Succeeded, "device-4"),
            Attempt(Guid.NewGuid(), now, SignInOutcomes.Succeeded, "someone-else"));

        using var provider = BuildServices(Server, _sql);
        await using var scope = await ScopeAsync(provider, TestTenants.Acme);
        _sql.Commands.Clear();
        var history = await scope.ServiceProvider.GetRequiredService<ISignInHistory>().RecentSuccessfulAsync(userId, 3, CancellationToken.None);

        Assert.IsType<DatabaseSignInHistory>(scope.ServiceProvider.GetRequiredService<ISignInHistory>());
        Assert.Equal(["device-1", "device-2", "device-3"], history.Select(h => h.DeviceHash));
        var latest = history[0];
        Assert.Equal(("FR", 48.85, 2.35, "198.51.100.7"), (latest.Country, latest.Latitude!.Value, latest.Longitude!.Value, latest.IpAddress));
        Assert.Equal(TimeSpan.Zero, latest.At.Offset);
        Assert.InRange((latest.At.UtcDateTime - now.AddDays(-1)).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));

        // One query, only the columns the signals use, the tenant's filter applied.
        var sql = Assert.Single(_sql.Commands);
        Assert.Contains("\"DeviceHash\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"UserAgent\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"InputsJson\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"AccountName\"", sql, StringComparison.Ordinal);
        Assert.Contains("\"TenantId\"", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_RealDatabaseAndRedis_NewDeviceFromAnotherContinent()
    {
        var userId = Guid.NewGuid();
        var account = $"RISK-{userId:N}@EXAMPLE.COM";
        await AddAttemptsAsync(TestTenants.Acme,
            Attempt(userId, DateTime.UtcNow.AddHours(-1), SignInOutcomes.Succeeded, "known-device", "FR", 48.8566, 2.3522, "198.51.100.7"));
        await using var scope = await ScopeAsync(_services.Value, TestTenants.Acme);
        var address = IPAddress.Parse("203.0.113.9");
        var counters = scope.ServiceProvider.GetRequiredService<IRiskCounters>();
        for (var i = 0; i < 3; i++)
        {
            await counters.RecordFailureAsync(account, address, CancellationToken.None);
        }

        var assessment = await scope.ServiceProvider.GetRequiredService<IRiskEngine>()
            .AssessAsync(new SignInContext(userId, account, address, "Mozilla/5.0", "new-device", DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(["new_device", "new_country", "impossible_travel", "account_failures"], assessment.Reasons.Select(r => r.Signal));
        Assert.Equal(100, assessment.Score);
        Assert.Equal(RiskDecision.Deny, assessment.Decision);
        Assert.Equal(("US", "FR", 3), (assessment.Inputs.Country, assessment.Inputs.PreviousCountry, (int)assessment.Inputs.AccountFailures));
    }

    public void Dispose()
    {
        if (_services.IsValueCreated)
        {
            _services.Value.Dispose();
        }
    }

    private static ServiceProvider BuildServices(CiamTestServer server, SqlCapture sql)
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(server.Services.GetRequiredService<IConfiguration>())
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ciam:Risk:Networks:0:Cidr"] = "203.0.113.0/24",
                ["Ciam:Risk:Networks:0:Country"] = "US",
                ["Ciam:Risk:Networks:0:Latitude"] = "40.7128",
                ["Ciam:Risk:Networks:0:Longitude"] = "-74.006",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCiamRisk(configuration);
        services.ConfigureDbContext<CiamDbContext>(options => options.AddInterceptors(sql));
        return services.BuildServiceProvider();
    }

    private static async Task<AsyncServiceScope> ScopeAsync(IServiceProvider provider, string slug)
    {
        var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug));
        return scope;
    }

    private async Task AddAttemptsAsync(string tenant, params SignInAttempt[] attempts)
    {
        await using var scope = await Server.ForTenantAsync(tenant);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        db.SignInAttempts.AddRange(attempts);
        await db.SaveChangesAsync();
    }

    private static SignInAttempt Attempt(Guid userId, DateTime at, string outcome, string device,
        string? country = null, double? latitude = null, double? longitude = null, string? ip = null) => new()
    {
        UserId = userId,
        AccountName = "ALICE@EXAMPLE.COM",
        Methods = "pwd",
        UserAgent = "Mozilla/5.0",
        DeviceHash = device,
        Country = country,
        Latitude = latitude,
        Longitude = longitude,
        IpAddress = ip,
        Score = 0,
        Decision = "allow",
        ReasonsJson = "[]",
        InputsJson = "{}",
        Outcome = outcome,
        CreatedAt = at,
    };

    /// <summary>The SQL text of every command the DbContext runs.</summary>
    private sealed class SqlCapture : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
