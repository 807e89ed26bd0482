using Npgsql;

namespace CiamServer.IntegrationTests.Import;

/// <summary>Every row a tenant owns with its PostgreSQL row version (xmin), which any UPDATE changes even
/// when the values stay the same: equal snapshots mean nothing was written.</summary>
internal static class RowVersions
{
    private const string Query = """
        SELECT 'tenant:' || t."Id" || ':' || t.xmin::text FROM tenants t WHERE t."Slug" = @slug
        UNION ALL SELECT 'user:' || u."Id" || ':' || u.xmin::text || ':' || coalesce(u."PasswordHash", '')
            FROM "AspNetUsers" u JOIN tenants t ON t."Id" = u."TenantId" WHERE t."Slug" = @slug
        UNION ALL SELECT 'role:' || r."Id" || ':' || r.xmin::text
            FROM "AspNetRoles" r JOIN tenants t ON t."Id" = r."TenantId" WHERE t."Slug" = @slug
        UNION ALL SELECT 'user-role:' || ur."UserId" || ':' || ur."RoleId" || ':' || ur.xmin::text
            FROM "AspNetUserRoles" ur JOIN "AspNetUsers" u ON u."Id" = ur."UserId" JOIN tenants t ON t."Id" = u."TenantId" WHERE t."Slug" = @slug
        UNION ALL SELECT 'client:' || a."ClientId" || ':' || a.xmin::text || ':' || coalesce(a."ClientSecret", '')
            FROM "OpenIddictApplications" a JOIN tenants t ON t."Id" = a."TenantId" WHERE t."Slug" = @slug
        UNION ALL SELECT 'scope:' || s."Name" || ':' || s.xmin::text
            FROM "OpenIddictScopes" s JOIN tenants t ON t."Id" = s."TenantId" WHERE t."Slug" = @slug
        """;

    public static async Task<List<string>> OfTenantAsync(CiamTestServer server, string slug)
    {
        await using var connection = new NpgsqlConnection(server.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.AddWithValue("slug", slug);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>How many rows of each kind exist in the whole database (every tenant).</summary>
    public static async Task<Dictionary<string, long>> CountAllAsync(CiamTestServer server)
    {
        var counts = new Dictionary<string, long>();
        await using var connection = new NpgsqlConnection(server.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "tenants", "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "OpenIddictApplications", "OpenIddictScopes" })
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
