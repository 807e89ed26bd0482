using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiamServer.Admin.Users;

/// <summary>Runs queued user imports, one at a time per node. Jobs live in the database, not in memory: any node
/// may take one (the API answered on another), and a job whose node stopped (its lease ran out) is taken over and
/// resumes at the first row not yet saved. Woken at once by an import started on this node, otherwise it looks
/// every <see cref="PollInterval"/>.</summary>
internal sealed partial class UserImportWorker(IServiceScopeFactory scopes, UserImportSignal signal, TimeProvider clock, ILogger<UserImportWorker> logger)
    : BackgroundService
{
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failure to reach the database must not stop the worker for good: it tries again later.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogPollFailed(exception);
            }

            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and runs the oldest job that is waiting or abandoned; false when there is none.</summary>
    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var jobs = db.UserImportJobs.IgnoreQueryFilters();
        var next = await jobs
            .Where(j => j.Status == UserImportJobStatus.Queued || (j.Status == UserImportJobStatus.Running && j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt)
            .Select(j => new { j.Id, j.TenantId })
            .FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            return false;
        }

        var claimed = await jobs
            .Where(j => j.Id == next.Id && (j.Status == UserImportJobStatus.Queued || (j.Status == UserImportJobStatus.Running && j.LeaseUntil < now)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Status, UserImportJobStatus.Running)
                .SetProperty(j => j.LeaseUntil, now + Lease)
                .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now), cancellationToken);
        if (claimed == 0)
        {
            return true; // another node took it first
        }

        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == next.TenantId, cancellationToken);
        await using var work = scopes.CreateAsyncScope();
        work.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant);
        await ActivatorUtilities.CreateInstance<UserImportRun>(work.ServiceProvider).RunAsync(next.Id, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for user imports to run failed; trying again later.")]
    private partial void LogPollFailed(Exception exception);
}

/// <summary>Wakes this node's <see cref="UserImportWorker"/> when an import is queued here.</summary>
public sealed class UserImportSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker looks for every queued job when it wakes.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
