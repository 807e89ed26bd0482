using CiamServer.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace CiamServer.Migrations.Sqlite;

/// <summary>Used by <c>dotnet ef migrations add</c> only; no database is contacted to add a migration.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CiamDbContext>
{
    public CiamDbContext CreateDbContext(string[] args) =>
        DesignTimeContexts.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" });
}
