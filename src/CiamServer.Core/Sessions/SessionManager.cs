using System.Security.Cryptography;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Core.Sessions;

internal sealed class SessionManager(CiamDbContext db, ITenantContext tenantContext, TimeProvider clock) : ISessionManager
{
    /// <summary>Writing LastSeenAt on every request would make each page view a write; a minute is precise enough for idle timeouts of minutes.</summary>
    private static readonly TimeSpan TouchResolution = TimeSpan.FromMinutes(1);

    public async Task<UserSession> StartAsync(
        Guid userId, IReadOnlyCollection<string> authenticationMethods, SessionDevice device, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = tenantContext.Required.SessionPolicy;
        var session = new UserSession
        {
            Id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            UserId = userId,
            AuthenticationMethods = string.Join(' ', authenticationMethods),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now.AddMinutes(policy.AbsoluteLifetimeMinutes),
            IpAddress = device.IpAddress,
            UserAgent = device.UserAgent is { Length: > 512 } agent ? agent[..512] : device.UserAgent,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public async Task<UserSession?> TouchAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var idle = TimeSpan.FromMinutes(tenantContext.Required.SessionPolicy.IdleTimeoutMinutes);
        if (session is null || !session.IsActiveAt(now, idle))
        {
            return null;
        }

        if (now - session.LastSeenAt >= TouchResolution)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return session;
    }

    public Task<UserSession?> FindNotEndedAsync(string sessionId, CancellationToken cancellationToken) =>
        db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.EndedAt == null, cancellationToken);

    public async Task EndAsync(string sessionId, string reason, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is { EndedAt: null })
        {
            session.EndedAt = clock.GetUtcNow().UtcDateTime;
            session.EndReason = reason;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task EndAllForUserAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.EndedAt = now;
            session.EndReason = reason;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
