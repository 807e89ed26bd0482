using System.Diagnostics;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CiamServer.Benchmarks.Users;

/// <summary>A PostgreSQL database with the server's schema (its migrations) and two tenants: "big" with 1,000,000
/// users (CIAM_BENCH_USERS to change) and "other" with a fifth as many, the same names in both. Made once and kept
/// (database ciam_bench_users_{count}), since each benchmark runs in its own process; CIAM_BENCH_RESEED=1 makes it
/// again. The server is CIAM_BENCH_POSTGRES, else CIAM_TEST_POSTGRES (a connection string to any database there).</summary>
internal static class UserSearchDatabase
{
    public const string BigTenant = "big";
    public const string OtherTenant = "other";

    public static int UserCount { get; } = int.TryParse(Environment.GetEnvironmentVariable("CIAM_BENCH_USERS"), out var n) ? n : 1_000_000;

    public static string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(Server()) { Database = $"ciam_bench_users_{UserCount}" }.ConnectionString;

    /// <summary>Creates and seeds the database unless it is there already; returns the big tenant.</summary>
    public static async Task<Tenant> EnsureAsync()
    {
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
        await using (var server = new NpgsqlConnection(Server()))
        {
            await server.OpenAsync();
            var exists = await Scalar<bool>(server, $"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '{name}')");
            if (exists && Environment.GetEnvironmentVariable("CIAM_BENCH_RESEED") == "1")
            {
                await Execute(server, $"DROP DATABASE \"{name}\" WITH (FORCE)");
                exists = false;
            }

            if (exists && await IsSeededAsync())
            {
                return await TenantAsync(BigTenant);
            }

            if (exists)
            {
                await Execute(server, $"DROP DATABASE \"{name}\" WITH (FORCE)");
            }

            await Execute(server, $"CREATE DATABASE \"{name}\"");
        }

        await SeedAsync();
        return await TenantAsync(BigTenant);
    }

    /// <summary>A context of <paramref name="tenant"/>, as a request of that tenant has; <paramref name="interceptor"/> to see its SQL.</summary>
    public static CiamDbContext Context(Tenant? tenant, IInterceptor? interceptor = null)
    {
        var builder = new DbContextOptionsBuilder<CiamDbContext>();
        DatabaseRegistration.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = ConnectionString });
        if (interceptor is not null)
        {
            builder.AddInterceptors(interceptor);
        }

        return new CiamDbContext(builder.Options, new FixedTenant(tenant));
    }

    private static async Task SeedAsync()
    {
        var total = Stopwatch.StartNew();
        await using (var db = Context(null))
        {
            await db.Database.MigrateAsync();
            db.Tenants.AddRange(new Tenant { Slug = BigTenant, DisplayName = "Big" }, new Tenant { Slug = OtherTenant, DisplayName = "Other" });
            await db.SaveChangesAsync();
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var copy = Stopwatch.StartNew();
        await CopyUsersAsync(connection, (await TenantAsync(BigTenant)).Id, UserCount, seed: 1);
        await CopyUsersAsync(connection, (await TenantAsync(OtherTenant)).Id, UserCount / 5, seed: 2);
        copy.Stop();
        var analyze = Stopwatch.StartNew();
        await Execute(connection, "VACUUM (ANALYZE) \"AspNetUsers\"");
        analyze.Stop();
        await Execute(connection, "CREATE TABLE bench_seed (users integer, copy_seconds double precision, vacuum_seconds double precision, total_seconds double precision)");
        await Execute(connection, $"INSERT INTO bench_seed VALUES ({UserCount}, {copy.Elapsed.TotalSeconds:F1}, {analyze.Elapsed.TotalSeconds:F1}, {total.Elapsed.TotalSeconds:F1})");
        Console.WriteLine($"// Seeded {UserCount + UserCount / 5:N0} users: COPY {copy.Elapsed.TotalSeconds:F1} s (schema, indexes and generated " +
            $"columns in place), VACUUM ANALYZE {analyze.Elapsed.TotalSeconds:F1} s, total {total.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Binary COPY in one transaction, into the table with all its indexes (as a bulk import would meet it).</summary>
    private static async Task CopyUsersAsync(NpgsqlConnection connection, Guid tenantId, int count, int seed)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY \"AspNetUsers\" (\"Id\", \"TenantId\", \"UserName\", \"NormalizedUserName\", \"Email\", \"NormalizedEmail\", \"EmailConfirmed\", " +
            "\"SecurityStamp\", \"ConcurrencyStamp\", \"PhoneNumber\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\", " +
            "\"AccessFailedCount\", \"GivenName\", \"FamilyName\", \"Disabled\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)");
        foreach (var user in SyntheticUsers.Generate(count, seed))
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(user.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(tenantId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(user.Email, NpgsqlDbType.Varchar);
            await writer.WriteAsync(user.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
            await writer.WriteAsync(user.Email, NpgsqlDbType.Varchar);
            await writer.WriteAsync(user.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean);
            await writer.WriteAsync(user.Id.ToString("N"), NpgsqlDbType.Text);
            await writer.WriteAsync(user.Id.ToString(), NpgsqlDbType.Text);
            await writer.WriteAsync(user.Phone, NpgsqlDbType.Varchar);
            await writer.WriteAsync(user.Phone is not null, NpgsqlDbType.Boolean);
            await writer.WriteAsync(false, NpgsqlDbType.Boolean);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean);
            await writer.WriteAsync(0, NpgsqlDbType.Integer);
            await writer.WriteAsync(user.GivenName, NpgsqlDbType.Varchar);
            await writer.WriteAsync(user.FamilyName, NpgsqlDbType.Varchar);
            await writer.WriteAsync(user.Disabled, NpgsqlDbType.Boolean);
            await writer.WriteAsync(user.CreatedAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(user.CreatedAt, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    private static async Task<bool> IsSeededAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return await Scalar<bool>(connection, "SELECT to_regclass('bench_seed') IS NOT NULL");
    }

    /// <summary>How long seeding took, as recorded when it ran.</summary>
    public static async Task<string> SeedReportAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT users, copy_seconds, vacuum_seconds, total_seconds FROM bench_seed", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{reader.GetInt32(0):N0} users (+{reader.GetInt32(0) / 5:N0} in a second tenant): COPY {reader.GetDouble(1)} s, " +
            $"VACUUM ANALYZE {reader.GetDouble(2)} s, total with migrations {reader.GetDouble(3)} s";
    }

    private static async Task<Tenant> TenantAsync(string slug)
    {
        await using var db = Context(null);
        return await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
    }

    private static string Server() =>
        Environment.GetEnvironmentVariable("CIAM_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("CIAM_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set CIAM_BENCH_POSTGRES (or CIAM_TEST_POSTGRES) to a PostgreSQL connection string.");

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private sealed class FixedTenant(Tenant? tenant) : ITenantContext
    {
        public Tenant? Tenant => tenant;

        public Tenant Required => tenant ?? throw new InvalidOperationException("No tenant.");

        public void Set(Tenant tenant) => throw new NotSupportedException();
    }
}
