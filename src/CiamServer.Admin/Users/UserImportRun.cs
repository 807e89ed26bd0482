using System.Text.Json;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CiamServer.Admin.Users;

/// <summary>Runs one claimed import job in the current tenant: rows in batches, each batch's users, their roles and
/// the job's progress saved in one transaction, so progress never counts a row that is not saved, nor the reverse.
/// A row whose email address or number already has an account is skipped and reported. The batch's progress is
/// saved only if the job is still where this run left it: a second worker that took the job over stops this one.</summary>
internal sealed partial class UserImportRun(CiamDbContext db, ILookupNormalizer normalizer, IAuditLog audit, TimeProvider clock,
    ILogger<UserImportRun> logger)
{
    internal const int BatchSize = 500;

    /// <summary>Skipped rows beyond this many are counted, not listed.</summary>
    internal const int MaxReportedSkips = 1000;

    private const int Attempts = 3;

    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.UserImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        var rows = JsonSerializer.Deserialize<List<UserImportRow>>(job.RowsJson ?? "[]", UserImportJobs.Json) ?? [];
        var progress = new Progress(job.Processed, job.Created, job.Skipped,
            JsonSerializer.Deserialize<List<UserImportSkip>>(job.SkippedJson, UserImportJobs.Json) ?? []);
        try
        {
            var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.NormalizedName!, r => r.Id, cancellationToken);
            while (progress.Processed < rows.Count)
            {
                var batch = rows.GetRange(progress.Processed, Math.Min(BatchSize, rows.Count - progress.Processed));
                if (!await SaveBatchWithRetriesAsync(jobId, batch, roles, progress, cancellationToken))
                {
                    LogTakenOver(jobId);
                    return;
                }
            }

            await FinishAsync(job, progress, UserImportJobStatus.Completed, null, cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or JsonException)
        {
            LogFailed(exception, jobId);
            db.ChangeTracker.Clear();
            await FinishAsync(job, progress, UserImportJobStatus.Failed,
                $"The import stopped at row {progress.Processed + 1}: {exception.GetBaseException().Message}", CancellationToken.None);
        }
    }

    /// <summary>A batch that collides with accounts created meanwhile (a sign-up, another import) is tried again: the
    /// second time those rows are skipped.</summary>
    private async Task<bool> SaveBatchWithRetriesAsync(Guid jobId, List<UserImportRow> batch, Dictionary<string, Guid> roles, Progress progress,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveBatchAsync(jobId, batch, roles, progress, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<bool> SaveBatchAsync(Guid jobId, List<UserImportRow> batch, Dictionary<string, Guid> roles, Progress progress,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await TakenAsync(batch, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var skips = new List<UserImportSkip>();
        foreach (var row in batch)
        {
            if (row.Email is not null && (taken.Contains(normalizer.NormalizeEmail(row.Email)) || taken.Contains(normalizer.NormalizeName(row.Email))))
            {
                skips.Add(new UserImportSkip(row.Row, "An account with this email address already exists."));
                continue;
            }

            if (row.Phone is not null && taken.Contains(row.Phone))
            {
                skips.Add(new UserImportSkip(row.Row, "An account with this phone number already exists."));
                continue;
            }

            var user = NewUser(row, now);
            db.Users.Add(user);
            foreach (var role in row.Roles)
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[normalizer.NormalizeName(role)] });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var next = new Progress(progress.Processed + batch.Count, progress.Created + batch.Count - skips.Count, progress.Skipped + skips.Count,
            [.. progress.SkippedRows, .. skips.Take(Math.Max(0, MaxReportedSkips - progress.SkippedRows.Count))]);
        var skippedJson = JsonSerializer.Serialize(next.SkippedRows, UserImportJobs.Json);
        var saved = await db.UserImportJobs.Where(j => j.Id == jobId && j.Processed == progress.Processed && j.Status == UserImportJobStatus.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Processed, next.Processed)
                .SetProperty(j => j.Created, next.Created)
                .SetProperty(j => j.Skipped, next.Skipped)
                .SetProperty(j => j.SkippedJson, skippedJson)
                .SetProperty(j => j.LeaseUntil, now + UserImportWorker.Lease), cancellationToken);
        if (saved == 0)
        {
            return false; // disposing the transaction rolls the batch back
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        progress.CopyFrom(next);
        return true;
    }

    /// <summary>The batch's email addresses (normalised), user names and numbers that already belong to an account.</summary>
    private async Task<HashSet<string>> TakenAsync(List<UserImportRow> batch, CancellationToken cancellationToken)
    {
        var emails = batch.Where(r => r.Email is not null).Select(r => normalizer.NormalizeEmail(r.Email)!).ToList();
        var names = batch.Select(r => normalizer.NormalizeName(r.Email ?? r.Phone)!).ToList();
        var phones = batch.Where(r => r.Phone is not null).Select(r => r.Phone!).ToList();
        var byEmail = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken);
        var byName = await db.Users.Where(u => names.Contains(u.NormalizedUserName!)).Select(u => u.NormalizedUserName!).ToListAsync(cancellationToken);
        var byPhone = await db.Users.Where(u => phones.Contains(u.PhoneNumber!)).Select(u => u.PhoneNumber!).ToListAsync(cancellationToken);
        return [.. byEmail, .. byName, .. byPhone];
    }

    private CiamUser NewUser(UserImportRow row, DateTime now)
    {
        var userName = row.Email ?? row.Phone!;
        return new CiamUser
        {
            UserName = userName,
            NormalizedUserName = normalizer.NormalizeName(userName),
            Email = row.Email,
            NormalizedEmail = row.Email is null ? null : normalizer.NormalizeEmail(row.Email),
            EmailConfirmed = row.EmailVerified,
            PhoneNumber = row.Phone,
            // As for one user created by an administrator: an entered number counts as verified.
            PhoneNumberConfirmed = row.Phone is not null,
            GivenName = row.GivenName,
            FamilyName = row.FamilyName,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Marks the job ended, drops its rows (names and addresses need not stay; after a failure, uploading the same
    /// file again skips the rows already created) and audits it with its counts.</summary>
    private async Task FinishAsync(UserImportJob job, Progress progress, string status, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.UserImportJobs.Where(j => j.Id == job.Id && j.Processed == progress.Processed && j.Status == UserImportJobStatus.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.RowsJson, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTime?)null)
                .SetProperty(j => j.FinishedAt, now), cancellationToken);
        if (ended == 1)
        {
            await audit.WriteAsync(new AuditEntry(AdminActor.ActorType, job.RequestedBy, "admin.users.imported", "user_import", job.Id.ToString(),
                new { status, job.Format, job.Total, progress.Processed, progress.Created, progress.Skipped, error }, job.RequestedFrom), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User import {JobId} was taken over by another worker; this one stops.")]
    private partial void LogTakenOver(Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "User import {JobId} failed.")]
    private partial void LogFailed(Exception exception, Guid jobId);

    private sealed class Progress(int processed, int created, int skipped, List<UserImportSkip> skippedRows)
    {
        public int Processed { get; private set; } = processed;

        public int Created { get; private set; } = created;

        public int Skipped { get; private set; } = skipped;

        public List<UserImportSkip> SkippedRows { get; private set; } = skippedRows;

        public void CopyFrom(Progress other) => (Processed, Created, Skipped, SkippedRows) = (other.Processed, other.Created, other.Skipped, other.SkippedRows);
    }
}
