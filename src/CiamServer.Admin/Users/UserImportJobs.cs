using System.Text.Json;
using CiamServer.Core.Data;
using CiamServer.Core.Users;
using CiamServer.Passwordless;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CiamServer.Admin.Users;

/// <summary>Starts bulk imports and reports their progress. A file is checked in full first (nothing is written when
/// any row is wrong); a valid one becomes a queued <see cref="UserImportJob"/> row, which the
/// <see cref="UserImportWorker"/> of some node runs in batches.</summary>
public sealed class UserImportJobs(CiamDbContext db, UserImportSignal signal, IHttpContextAccessor http,
    IOptions<PasswordlessOptions> passwordless, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Checks the file and queues the job; the problems instead when any row (or the file) is wrong.</summary>
    public async Task<(UserImportJobView? Job, Dictionary<string, string[]> Problems)> StartAsync(string format, string text,
        CancellationToken cancellationToken)
    {
        var roles = (await db.Roles.Select(r => r.Name!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (rows, problems) = UserImportFile.Read(format, text, roles, passwordless.Value.DefaultPhoneRegion);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var context = http.HttpContext;
        var actor = context is null ? null : AdminActor.Entry(context, string.Empty, string.Empty, string.Empty, null);
        var job = new UserImportJob
        {
            Status = UserImportJobStatus.Queued,
            Format = format,
            Total = rows.Count,
            RowsJson = JsonSerializer.Serialize(rows, Json),
            RequestedBy = actor?.ActorId,
            RequestedFrom = actor?.IpAddress,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.UserImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return (UserImportJobView.From(job), problems);
    }

    /// <summary>The job of the current tenant (another tenant's is not found).</summary>
    public async Task<UserImportJobView?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.UserImportJobs.AsNoTracking().Where(j => j.Id == id).SingleOrDefaultAsync(cancellationToken) is { } job ? UserImportJobView.From(job) : null;
}

/// <summary>A job's progress as the API and the console show it.</summary>
public sealed record UserImportJobView(
    Guid Id,
    string Status,
    int Total,
    int Processed,
    int Created,
    int Skipped,
    IReadOnlyList<UserImportSkip> SkippedRows,
    string? Error,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt)
{
    public bool Finished => Status is UserImportJobStatus.Completed or UserImportJobStatus.Failed;

    internal static UserImportJobView From(UserImportJob job) => new(job.Id, job.Status, job.Total, job.Processed, job.Created, job.Skipped,
        JsonSerializer.Deserialize<List<UserImportSkip>>(job.SkippedJson, UserImportJobs.Json) ?? [], job.Error, job.CreatedAt, job.StartedAt,
        job.FinishedAt);
}

/// <summary>A row that was not created, and why (an account with its email address or number already exists).</summary>
public sealed record UserImportSkip(int Row, string Reason);
