using CiamServer.Core.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Sessions;

/// <summary>A user's sessions: list them, end one, end all. Ending revokes the sessions' tokens (and
/// notifies clients) like a sign-out does.</summary>
internal static class SessionsApi
{
    public static void MapSessionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("users/{userId:guid}/sessions", ListAsync);
        api.MapDelete("users/{userId:guid}/sessions/{sessionId}", EndOneAsync);
        api.MapDelete("users/{userId:guid}/sessions", EndAllAsync);
    }

    private static async Task<Ok<List<SessionResource>>> ListAsync(Guid userId, ISessionManager sessions, CancellationToken cancellationToken)
    {
        var active = await sessions.ListActiveAsync(userId, cancellationToken);
        var clients = await sessions.ClientsOfAsync([.. active.Select(s => s.Id)], cancellationToken);
        return TypedResults.Ok(active.Select(s => SessionResource.From(s, clients.TryGetValue(s.Id, out var names) ? names : [])).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> EndOneAsync(Guid userId, string sessionId, ISessionManager sessions,
        CancellationToken cancellationToken)
    {
        if (!(await sessions.ListActiveAsync(userId, cancellationToken)).Any(s => s.Id == sessionId))
        {
            return TypedResults.NotFound();
        }

        await sessions.EndAsync(sessionId, SessionEndReasons.Administrator, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> EndAllAsync(Guid userId, ISessionManager sessions, CancellationToken cancellationToken)
    {
        await sessions.EndAllForUserAsync(userId, SessionEndReasons.Administrator, cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>A session as the admin API shows it.</summary>
internal sealed record SessionResource(string Id, string Device, string? IpAddress, string? Location, string AuthenticationMethods, IReadOnlyList<string> Clients,
    DateTime CreatedAt, DateTime LastSeenAt, DateTime ExpiresAt)
{
    public static SessionResource From(UserSession s, IReadOnlyList<string> clients) =>
        new(s.Id, DeviceDescription.Describe(s.UserAgent), s.IpAddress, s.Location, s.AuthenticationMethods, clients, s.CreatedAt, s.LastSeenAt, s.ExpiresAt);
}
