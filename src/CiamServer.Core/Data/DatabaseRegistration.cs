using Microsoft.EntityFrameworkCore;

namespace CiamServer.Core.Data;

/// <summary>Points the DbContext at the configured provider and that provider's migration history.</summary>
public static class DatabaseRegistration
{
    public const string PostgreSqlMigrationsAssembly = "CiamServer.Migrations.PostgreSql";
    public const string SqliteMigrationsAssembly = "CiamServer.Migrations.Sqlite";

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(options.ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        builder.UseOpenIddict<OpenIddict.CiamApplication, OpenIddict.CiamAuthorization, OpenIddict.CiamScope, OpenIddict.CiamToken, Guid>();
    }
}
