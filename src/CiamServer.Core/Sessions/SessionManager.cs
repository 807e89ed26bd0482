using System.Security.Cryptography;
using CiamServer.Core.Data;
using CiamServer.Core.Geo;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Core.Sessions;

internal sealed class SessionManager(CiamDbContext db, ITenantContext tenantContext, TimeProvider clock,
    IEnumerable<ISessionEndedHandler> endedHandlers, IIpLocator locator) : ISessionManager
{
    /// <summary>Writing LastSeenAt on every request would make each page view a write; a minute is precise enough for idle timeouts of minutes.</summary>
    private static readonly TimeSpan TouchResolution = TimeSpan.FromMinutes(1);

    // OpenIddict's stored token type (the URI form since 7.0; the short form in older rows) and status of a
    // refresh token that can still be used.
    private const string RefreshTokenType = "urn:ietf:params:oauth:token-type:refresh_token";
    private const string LegacyRefreshTokenType = "refresh_token";
    private const string ValidStatus = "valid";

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
            Location = Locate(device.IpAddress),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>A location is a nicety: a broken or unexpected database never stops a sign-in.</summary>
    private string? Locate(string? ipAddress)
    {
        try
        {
            return locator.Locate(ipAddress) is { } place ? place[..Math.Min(place.Length, 100)] : null;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or MaxMind.Db.InvalidDatabaseException)
        {
            return null;
        }
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
        var open = await db.Sessions.Where(s => s.Id == sessionId && s.EndedAt == null).ToListAsync(cancellationToken);
        await EndSessionsAsync(open, reason, cancellationToken);
    }

    public async Task EndAllForUserAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        var open = await db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(cancellationToken);
        await EndSessionsAsync(open, reason, cancellationToken);
    }

    public async Task<IReadOnlyList<UserSession>> ListActiveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idleCutoff = now.AddMinutes(-tenantContext.Required.SessionPolicy.IdleTimeoutMinutes);
        // Also the sessions whose cookie has lapsed but whose apps still hold working refresh tokens (offline
        // access outlives the cookie): the user must be able to see and end those too.
        var tokens = db.Set<OpenIddict.CiamToken>();
        return await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null
                && ((s.ExpiresAt > now && s.LastSeenAt > idleCutoff)
                    || tokens.Any(t => t.Authorization!.SessionId == s.Id
                        && (t.Type == RefreshTokenType || t.Type == LegacyRefreshTokenType)
                        && t.Status == ValidStatus && t.ExpirationDate > now)))
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ClientsOfAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        var ids = sessionIds.ToList();
        var rows = await db.Set<OpenIddict.CiamAuthorization>().AsNoTracking()
            .Where(a => a.SessionId != null && ids.Contains(a.SessionId) && a.Application != null)
            .Select(a => new { a.SessionId, Name = a.Application!.DisplayName ?? a.Application.ClientId })
            .Distinct()
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.SessionId!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Name!).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Saves the end first, then tells the handlers: a failing handler never leaves a session alive.</summary>
    private async Task EndSessionsAsync(List<UserSession> sessions, string reason, CancellationToken cancellationToken)
    {
        if (sessions.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var session in sessions)
        {
            session.EndedAt = now;
            session.EndReason = reason;
        }

        await db.SaveChangesAsync(cancellationToken);
        var ended = sessions.Select(s => new EndedSession(s.Id, s.TenantId, s.UserId, reason, now)).ToList();
        // Once the end is saved, its consequences (revocations, logout notices) must all happen: not cut short
        // by a browser that goes away (no request token), and one failing handler does not skip the others.
        var failures = new List<Exception>();
        foreach (var handler in endedHandlers)
        {
            try
            {
                await handler.OnSessionsEndedAsync(ended, CancellationToken.None);
            }
            catch (Exception exception)
            {
                failures.Add(exception);
            }
        }

        if (failures.Count > 0)
        {
            throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
        }
    }
}
