using CiamServer.Core.Data;
using CiamServer.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiamServer.Admin.Tenants;

/// <summary>Runs queued imports one after the other. Each is applied by the <see cref="Importer"/> in one
/// transaction (all or nothing), then audited as admin.tenants.imported in each tenant it touched.</summary>
internal sealed partial class TenantImportRunner(TenantImportJobs jobs, Importer importer, TargetTenants scopes, IServiceScopeFactory services,
    TimeProvider clock, ILogger<TenantImportRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Queue.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    internal async Task RunAsync(TenantImportJob job, CancellationToken cancellationToken)
    {
        job.Start(clock.GetUtcNow().UtcDateTime);
        try
        {
            var result = await importer.ImportDocumentAsync(TenantImportJob.FileName, job.Document!, job.Processed, cancellationToken);
            job.Succeed(result.Changes, clock.GetUtcNow().UtcDateTime);
            await AuditAsync(job, result.Changes, cancellationToken);
            LogImported(logger, job.Id, string.Join(", ", job.Tenants), result.Changes);
        }
        catch (ImportException exception)
        {
            job.Fail(exception.Problems, clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception, job.Id);
            job.Fail([new ImportProblem(TenantImportJob.FileName, "$", "the import failed on the server and nothing was written; the server log has the details.")],
                clock.GetUtcNow().UtcDateTime);
        }
    }

    private async Task AuditAsync(TenantImportJob job, int changes, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var tenants = await db.Tenants.AsNoTracking().Where(t => job.Tenants.Contains(t.Slug)).ToListAsync(cancellationToken);
        foreach (var tenant in tenants)
        {
            await scopes.AuditAsync(tenant, job.Actor with { TargetId = tenant.Slug, Data = new { jobId = job.Id, objects = job.Total, changes } },
                cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} imported {Tenants}: {Changes} change(s)")]
    private static partial void LogImported(ILogger logger, Guid jobId, string tenants, int changes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);
}
