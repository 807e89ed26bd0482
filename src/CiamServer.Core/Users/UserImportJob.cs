using CiamServer.Core.Tenancy;

namespace CiamServer.Core.Users;

/// <summary>A bulk user import an administrator started (admin API or console): the validated rows wait here until
/// a worker of any node claims the job, and the progress is saved with each batch it inserts, so a node that
/// stops mid-way leaves a job another node (or the same one after a restart) resumes at the next row.</summary>
public sealed class UserImportJob : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    /// <summary><see cref="UserImportJobStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>"csv" or "json": what the file was.</summary>
    public required string Format { get; init; }

    public int Total { get; init; }

    /// <summary>Rows done (created or skipped), always a prefix of the file: the next batch starts here.</summary>
    public int Processed { get; set; }

    public int Created { get; set; }

    public int Skipped { get; set; }

    /// <summary>The validated rows (JSON array); removed when the job ends, so names and addresses do not linger.</summary>
    public string? RowsJson { get; set; }

    /// <summary>The skipped rows with their reason (JSON array, at most <c>MaxReportedSkips</c> entries).</summary>
    public string SkippedJson { get; set; } = "[]";

    /// <summary>Why the job failed, when it did (rows done before stay done).</summary>
    public string? Error { get; set; }

    /// <summary>The admin (client id or subject) and address that started it, for the audit entry written at the end.</summary>
    public string? RequestedBy { get; init; }

    public string? RequestedFrom { get; init; }

    /// <summary>While running, the worker holding the job renews this; past it, another worker may take the job over.</summary>
    public DateTime? LeaseUntil { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}

public static class UserImportJobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
