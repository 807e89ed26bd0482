using CiamServer.Admin.Bootstrap;
using CiamServer.Core.Data;
using CiamServer.Import;
using CiamServer.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CiamServer.Hosting;

/// <summary>What runs once before the server takes requests: migrations, the key ring, the import.</summary>
internal static partial class StartupTasks
{
    private const int DatabaseAttempts = 10;
    private static readonly TimeSpan DatabaseRetryDelay = TimeSpan.FromSeconds(3);

    public static async Task PrepareCiamAsync(this WebApplication app)
    {
        // Settings first: a bad one must stop the server before anything is written (keys in the clear, say).
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CiamServer.Startup");
        var stopping = app.Lifetime.ApplicationStopping;
        await MigrateAsync(app.Services, logger, stopping);
        await app.Services.InitializeProtocolAsync(stopping);
        await app.Services.SeedAdminTenantAsync(stopping);

        var importPath = app.Services.GetRequiredService<IOptions<ImportOptions>>().Value.Path;
        if (!string.IsNullOrWhiteSpace(importPath))
        {
            var folder = Path.GetFullPath(importPath, app.Environment.ContentRootPath);
            var result = await app.Services.GetRequiredService<Importer>().ImportFolderAsync(folder, stopping);
            LogImported(logger, result.Files.Count, folder, result.Changes);
            if (app.Environment.IsDevelopment())
            {
                DevelopmentBanner.Print(app, result);
            }
        }
    }

    /// <summary>Applies pending migrations (unless turned off), waiting for a database that is still starting
    /// (compose, k8s).</summary>
    private static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(options.ConnectionString);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
                if (options.MigrateOnStartup)
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }
                else
                {
                    // Migrations are someone else's job, but the key ring and import below still need the
                    // database: wait for it the same way.
                    await db.Database.OpenConnectionAsync(cancellationToken);
                    await db.Database.CloseConnectionAsync();
                }

                return;
            }
            catch (Exception exception) when (attempt < DatabaseAttempts && Core.Infrastructure.InfrastructureFailure.Is(exception))
            {
                LogDatabaseWait(logger, exception, attempt, DatabaseAttempts);
                await Task.Delay(DatabaseRetryDelay, cancellationToken);
            }
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {FileCount} file(s) from {Folder}: {Changes} change(s)")]
    private static partial void LogImported(ILogger logger, int fileCount, string folder, int changes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet (attempt {Attempt} of {Attempts}); retrying")]
    private static partial void LogDatabaseWait(ILogger logger, Exception exception, int attempt, int attempts);
}
