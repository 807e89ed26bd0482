using System.Globalization;
using CiamServer.Core.Data;
using CiamServer.Core.Risk;
using CiamServer.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Admin.Dashboard;

/// <summary>The current tenant's activity over time, in UTC hour or day buckets (empty ones included): sign-ins that
/// succeeded, sign-ups (accounts created), failures (sign-ins refused by risk, second factors failed) and challenges
/// (a second factor asked for), plus the sessions active now. Each series is one grouped query over an index on
/// (TenantId, CreatedAt); nothing is loaded row by row.</summary>
public sealed class DashboardStats(CiamDbContext db, ITenantContext tenants, TimeProvider clock)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    /// <summary>31 days of hours: a chart wider than that is unreadable, and a day bucket says the same.</summary>
    public const int MaxBuckets = 31 * 24;

    /// <summary>The audit action written when a sign-in is sent to a second factor (SignInFlow).</summary>
    internal const string ChallengedAction = "sign_in.challenged";

    public async Task<DashboardResource> ReadAsync(DashboardRange range, CancellationToken cancellationToken)
    {
        var hourly = range.Bucket == DashboardBucketSize.Hour;
        var (from, to) = (range.From, range.To);
        var attempts = db.SignInAttempts.AsNoTracking().Where(a => a.CreatedAt >= from && a.CreatedAt < to);

        // Grouped by UTC date and hour (date_trunc('day', ..., 'UTC') and the hour on PostgreSQL); day buckets add
        // up their hours here, at most 24 small rows a day.
        var outcomes = await attempts
            .GroupBy(a => new { a.CreatedAt.Date, a.CreatedAt.Hour })
            .Select(g => new
            {
                g.Key.Date,
                g.Key.Hour,
                SignIns = g.Count(a => a.Outcome == SignInOutcomes.Succeeded),
                Failures = g.Count(a => a.Outcome == SignInOutcomes.Denied || a.Outcome == SignInOutcomes.ChallengeFailed),
            })
            .ToListAsync(cancellationToken);
        var signUps = await CountAsync(db.Users.AsNoTracking().Where(u => u.CreatedAt >= from && u.CreatedAt < to).Select(u => u.CreatedAt), cancellationToken);
        var challenges = await CountAsync(db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == ChallengedAction && e.CreatedAt >= from && e.CreatedAt < to).Select(e => e.CreatedAt), cancellationToken);

        var buckets = new SortedDictionary<DateTime, int[]>();
        for (var start = from; start < to; start = range.Next(start))
        {
            buckets[start] = new int[4];
        }

        void Add(DateTime date, int hour, int series, int count)
        {
            var at = DateTime.SpecifyKind(date.Date.AddHours(hour), DateTimeKind.Utc);
            if (buckets.TryGetValue(hourly ? at : at.Date, out var counts))
            {
                counts[series] += count;
            }
        }

        outcomes.ForEach(o => { Add(o.Date, o.Hour, 0, o.SignIns); Add(o.Date, o.Hour, 2, o.Failures); });
        signUps.ForEach(s => Add(s.Date, s.Hour, 1, s.Count));
        challenges.ForEach(c => Add(c.Date, c.Hour, 3, c.Count));

        var series = buckets.Select(b => new DashboardPoint(b.Key, b.Value[0], b.Value[1], b.Value[2], b.Value[3])).ToList();
        var totals = new DashboardTotals(series.Sum(p => p.SignIns), series.Sum(p => p.SignUps), series.Sum(p => p.Failures), series.Sum(p => p.Challenges));
        var now = clock.GetUtcNow().UtcDateTime;
        return new DashboardResource(from, to, range.Bucket == DashboardBucketSize.Hour ? "hour" : "day", series, totals,
            await ActiveSessionsAsync(now, cancellationToken), now);
    }

    /// <summary>Sessions whose cookie still works now: not ended, not past their absolute end, used within the idle
    /// timeout (sessions kept alive only by an app's refresh token are not counted).</summary>
    public Task<int> ActiveSessionsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var idleCutoff = now.AddMinutes(-tenants.Required.SessionPolicy.IdleTimeoutMinutes);
        return db.Sessions.AsNoTracking().CountAsync(s => s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt > idleCutoff, cancellationToken);
    }

    private static Task<List<HourCount>> CountAsync(IQueryable<DateTime> stamps, CancellationToken cancellationToken) =>
        stamps.GroupBy(t => new { t.Date, t.Hour }).Select(g => new HourCount(g.Key.Date, g.Key.Hour, g.Count())).ToListAsync(cancellationToken);

    private sealed record HourCount(DateTime Date, int Hour, int Count);
}

public enum DashboardBucketSize
{
    Day,
    Hour,
}

/// <summary>The period a dashboard covers, aligned on its buckets: [From, To) in UTC.</summary>
public sealed record DashboardRange(DateTime From, DateTime To, DashboardBucketSize Bucket)
{
    public DateTime Next(DateTime start) => Bucket == DashboardBucketSize.Hour ? start.AddHours(1) : start.AddDays(1);

    public int Buckets => (int)((To - From) / (Bucket == DashboardBucketSize.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1)));

    /// <summary>From the query: either <c>days</c> (the last n days up to the current bucket, default 30) or <c>from</c>
    /// and <c>to</c> (ISO 8601, widened to whole buckets), and <c>bucket</c> hour or day (default day). Null with field
    /// errors when the query is wrong.</summary>
    public static DashboardRange? Parse(string? days, string? from, string? to, string? bucket, DateTime now, IDictionary<string, string[]> errors)
    {
        var size = bucket?.ToLowerInvariant() switch
        {
            null or "" or "day" => DashboardBucketSize.Day,
            "hour" => DashboardBucketSize.Hour,
            _ => (DashboardBucketSize?)null,
        };
        if (size is null)
        {
            errors["bucket"] = ["Must be hour or day."];
            return null;
        }

        var range = from is null && to is null ? LastDays(days, size.Value, now, errors) : Between(days, from, to, size.Value, errors);
        if (range is not null && range.Buckets > DashboardStats.MaxBuckets)
        {
            errors[from is null ? "days" : "to"] = [$"At most {DashboardStats.MaxBuckets} buckets: {DashboardStats.MaxBuckets / 24} days of hours, or use bucket=day."];
            return null;
        }

        return range;
    }

    private static DashboardRange? LastDays(string? days, DashboardBucketSize size, DateTime now, IDictionary<string, string[]> errors)
    {
        var count = DashboardStats.DefaultDays;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > DashboardStats.MaxDays))
        {
            errors["days"] = [$"Must be a whole number of days from 1 to {DashboardStats.MaxDays}."];
            return null;
        }

        var end = size == DashboardBucketSize.Hour ? Floor(now, size).AddHours(1) : now.Date.AddDays(1);
        return new DashboardRange(end.AddDays(-count), end, size);
    }

    private static DashboardRange? Between(string? days, string? from, string? to, DashboardBucketSize size, IDictionary<string, string[]> errors)
    {
        if (days is not null)
        {
            errors["days"] = ["Give either days or from and to, not both."];
        }

        var start = Instant(from, "from", errors);
        var end = Instant(to, "to", errors);
        if (start is null || end is null || errors.Count > 0)
        {
            return null;
        }

        var (first, last) = (Floor(start.Value, size), Floor(end.Value, size));
        last = last < end.Value ? (size == DashboardBucketSize.Hour ? last.AddHours(1) : last.AddDays(1)) : last;
        if (first >= last)
        {
            errors["to"] = ["Must be after from."];
            return null;
        }

        if (last - first > TimeSpan.FromDays(DashboardStats.MaxDays))
        {
            errors["to"] = [$"The period must be at most {DashboardStats.MaxDays} days."];
            return null;
        }

        return new DashboardRange(first, last, size);
    }

    private static DateTime? Instant(string? value, string field, IDictionary<string, string[]> errors)
    {
        if (value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            && parsed.Year is > 1 and < 9999)
        {
            return parsed.UtcDateTime;
        }

        errors[field] = [value is null ? $"Is required when {(field == "from" ? "to" : "from")} is given." : "Must be a date or date and time (ISO 8601, e.g. 2026-11-01T00:00:00Z)."];
        return null;
    }

    private static DateTime Floor(DateTime at, DashboardBucketSize size) => size == DashboardBucketSize.Hour
        ? new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc)
        : new DateTime(at.Year, at.Month, at.Day, 0, 0, 0, DateTimeKind.Utc);
}

/// <summary>The dashboard of a tenant for a period: one point per bucket, totals, and the sessions active now.</summary>
public sealed record DashboardResource(DateTime From, DateTime To, string Bucket, IReadOnlyList<DashboardPoint> Series, DashboardTotals Totals,
    int ActiveSessions, DateTime GeneratedAt);

/// <summary>One bucket, starting at <c>Start</c> (UTC).</summary>
public sealed record DashboardPoint(DateTime Start, int SignIns, int SignUps, int Failures, int Challenges);

public sealed record DashboardTotals(int SignIns, int SignUps, int Failures, int Challenges);
