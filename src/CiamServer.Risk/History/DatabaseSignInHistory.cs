using CiamServer.Core.Data;
using CiamServer.Core.Risk;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Risk.History;

/// <summary>The user's successful attempts in <c>sign_in_attempts</c> (the tenant's query filter applies), newest
/// first, only the columns the signals use; served by the (tenant_id, user_id, created_at) index.</summary>
internal sealed class DatabaseSignInHistory(CiamDbContext db) : ISignInHistory
{
    public async Task<IReadOnlyList<PastSignIn>> RecentSuccessfulAsync(Guid userId, int count, CancellationToken ct)
    {
        var rows = await db.SignInAttempts
            .AsNoTracking()
            .Where(a => a.UserId == userId && a.Outcome == SignInOutcomes.Succeeded)
            .OrderByDescending(a => a.CreatedAt)
            .Take(count)
            .Select(a => new { a.CreatedAt, a.DeviceHash, a.Country, a.Latitude, a.Longitude, a.IpAddress })
            .ToListAsync(ct);
        return rows
            .Select(r => new PastSignIn(
                new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)), r.DeviceHash, r.Country, r.Latitude, r.Longitude, r.IpAddress))
            .ToList();
    }
}
