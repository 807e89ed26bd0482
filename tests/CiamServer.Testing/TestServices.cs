using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace CiamServer.Testing;

/// <summary>The PostgreSQL and Redis the tests use: the ones named by CIAM_TEST_POSTGRES and
/// CIAM_TEST_REDIS (test.sh starts them), or containers when those are unset (needs Docker).</summary>
public static class TestServices
{
    private static readonly Lazy<Task<string>> PostgresConnection = new(StartPostgresAsync);
    private static readonly Lazy<Task<string>> RedisConfiguration = new(StartRedisAsync);

    /// <summary>A connection string to the server's maintenance database (tests create their own databases).</summary>
    public static Task<string> PostgresAsync() => PostgresConnection.Value;

    public static Task<string> RedisAsync() => RedisConfiguration.Value;

    /// <summary>A real geolocation database (.mmdb, GeoLite2 Country) named by CIAM_TEST_GEO_DB; test.sh
    /// fetches one into a cache folder. Databases are licensed data and never committed.</summary>
    public static string GeoDatabasePath() =>
        Environment.GetEnvironmentVariable("CIAM_TEST_GEO_DB") is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                "CIAM_TEST_GEO_DB must name a .mmdb file: run the tests with ./test.sh, which fetches GeoLite2 Country with npm.");

    private static async Task<string> StartPostgresAsync()
    {
        if (Environment.GetEnvironmentVariable("CIAM_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return configured;
        }

        var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        await container.StartAsync();
        return container.GetConnectionString();
    }

    private static async Task<string> StartRedisAsync()
    {
        if (Environment.GetEnvironmentVariable("CIAM_TEST_REDIS") is { Length: > 0 } configured)
        {
            return configured;
        }

        var container = new RedisBuilder("redis:7-alpine").Build();
        await container.StartAsync();
        return container.GetConnectionString();
    }
}
