using System.ComponentModel.DataAnnotations;

namespace CiamServer.Core.Data;

/// <summary><c>Ciam:Database</c>: which database the server keeps its state in.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Ciam:Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> is the embedded development default; production uses PostgreSQL.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/ciam.db";

    /// <summary>Apply pending migrations at start-up (on by default; turn off when a release job migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
