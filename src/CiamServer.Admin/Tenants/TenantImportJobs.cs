using System.Collections.Concurrent;
using System.Threading.Channels;
using CiamServer.Core.Administration;
using CiamServer.Core.Audit;
using CiamServer.Import;
using CiamServer.Import.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CiamServer.Admin.Tenants;

/// <summary>Imports uploaded documents (the import format) in the background, one at a time, and keeps each
/// job's progress for <see cref="Retention"/>. A document is read and validated when it is submitted: a refused
/// one never becomes a job, and nothing of it is written. Jobs live in this node's memory: with several nodes,
/// the progress is answered by the node that took the upload (see docs/admin/tenants.md).</summary>
public sealed class TenantImportJobs(TimeProvider clock, IHttpContextAccessor accessor, IOptions<AdminOptions> options)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private const int MaxKeptJobs = 100;

    private readonly ConcurrentDictionary<Guid, TenantImportJob> _jobs = new();
    private readonly Channel<TenantImportJob> _queue = Channel.CreateUnbounded<TenantImportJob>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<TenantImportJob> Queue => _queue.Reader;

    /// <summary>Reads and validates <paramref name="json"/>; queues it when it is valid. Problems are keyed by
    /// their JSON path (<c>$.tenants[0].clients[1].secret</c>).</summary>
    public async Task<TenantResult<TenantImportJobResource>> SubmitAsync(Stream json, CancellationToken cancellationToken)
    {
        var (document, problems) = await Importer.ReadAndValidateAsync(TenantImportJob.FileName, json, cancellationToken);
        var errors = problems.ToList();
        for (var t = 0; t < (document?.Tenants?.Count ?? 0); t++)
        {
            if (TenantAdmin.IsReserved(document!.Tenants![t].Slug!, options.Value))
            {
                errors.Add(new ImportProblem(TenantImportJob.FileName, $"$.tenants[{t}].slug", $"'{document.Tenants[t].Slug}' is reserved: it cannot be imported."));
            }
        }

        if (errors.Count > 0)
        {
            return TenantResult<TenantImportJobResource>.Invalid(errors.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        var context = accessor.HttpContext ?? throw new InvalidOperationException("Imports are submitted within a request.");
        var job = new TenantImportJob(Guid.CreateVersion7(), document!, Importer.CountObjects(document!), clock.GetUtcNow().UtcDateTime,
            AdminActor.Entry(context, "admin.tenants.imported", "tenant", string.Empty, null));
        Prune();
        _jobs[job.Id] = job;
        await _queue.Writer.WriteAsync(job, cancellationToken);
        return TenantResult<TenantImportJobResource>.Done(job.ToResource());
    }

    public TenantImportJobResource? Find(Guid id) => _jobs.TryGetValue(id, out var job) ? job.ToResource() : null;

    private void Prune()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
        var finished = _jobs.Values.Where(j => j.FinishedAt is not null).OrderByDescending(j => j.FinishedAt).ToList();
        foreach (var job in finished.Where((j, i) => j.FinishedAt < cutoff || i >= MaxKeptJobs))
        {
            _jobs.TryRemove(job.Id, out _);
        }
    }
}

/// <summary>One import: queued, running (with objects processed out of the total), succeeded or failed.</summary>
internal sealed class TenantImportJob(Guid id, ImportDocument document, int total, DateTime createdAt, AuditEntry actor)
{
    public const string FileName = "upload.json";

    private int _processed;

    public Guid Id { get; } = id;

    /// <summary>Dropped once the job has run, so finished jobs hold only their outcome.</summary>
    public ImportDocument? Document { get; private set; } = document;

    public IReadOnlyList<string> Tenants { get; } = [.. document.Tenants!.Select(t => t.Slug!)];

    /// <summary>The caller, as the audit log records it (the request is long gone when the job ends).</summary>
    public AuditEntry Actor { get; } = actor;

    public int Total { get; } = total;

    public string Status { get; private set; } = TenantImportStatus.Queued;

    public int Changes { get; private set; }

    public IReadOnlyList<ImportProblem> Errors { get; private set; } = [];

    public DateTime CreatedAt { get; } = createdAt;

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public void Start(DateTime now)
    {
        StartedAt = now;
        Status = TenantImportStatus.Running;
    }

    public void Processed() => Interlocked.Increment(ref _processed);

    public void Succeed(int changes, DateTime now)
    {
        Changes = changes;
        Finish(TenantImportStatus.Succeeded, [], now);
    }

    public void Fail(IReadOnlyList<ImportProblem> errors, DateTime now) => Finish(TenantImportStatus.Failed, errors, now);

    private void Finish(string status, IReadOnlyList<ImportProblem> errors, DateTime now)
    {
        Errors = errors;
        FinishedAt = now;
        Document = null;
        Status = status;
    }

    public TenantImportJobResource ToResource() => new(Id, Status, Math.Min(Volatile.Read(ref _processed), Total), Total, Changes, Tenants,
        [.. Errors.Select(e => new TenantImportError(e.Path, e.Message))], CreatedAt, StartedAt, FinishedAt);
}

public static class TenantImportStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";

    /// <summary>Nothing was written: the import runs in one transaction.</summary>
    public const string Failed = "failed";
}

/// <summary>An import job as the admin API shows it. <see cref="Processed"/> counts objects (tenants, API
/// scopes, roles, clients, users) done out of <see cref="Total"/>; a failed job wrote nothing.</summary>
public sealed record TenantImportJobResource(Guid Id, string Status, int Processed, int Total, int Changes, IReadOnlyList<string> Tenants,
    IReadOnlyList<TenantImportError> Errors, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt)
{
    public bool Finished => Status is TenantImportStatus.Succeeded or TenantImportStatus.Failed;
}

/// <summary>Where in the document (a JSON path) and what went wrong.</summary>
public sealed record TenantImportError(string Path, string Message);
