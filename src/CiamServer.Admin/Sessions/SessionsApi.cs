using CiamServer.Core.Audit;
using CiamServer.Core.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Sessions;

/// <summary>A user's sessions: list them, end one, end all. Ending revokes the sessions' tokens (and
/// notifies clients) like a sign-out does; each end is audited.</summary>
internal static class SessionsApi
{
    public static void MapSessionsApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("users/{userId:guid}/sessions").WithTags("Sessions");
        sessions.MapGet(string.Empty, ListAsync)
            .WithSummary("List a user's active sessions")
            .WithDescription("Sessions whose cookie or refresh token is still usable, with device, address, sign-in methods and the clients signed in.");
        sessions.MapDelete("{sessionId}", EndOneAsync)
            .WithSummary("End one session")
            .WithDescription("Ends the session, revokes its tokens and notifies its clients (back-channel logout), as a sign-out does. Audited as admin.sessions.ended.");
        sessions.MapDelete(string.Empty, EndAllAsync)
            .WithSummary("End all of a user's sessions")
            .WithDescription("Ends every session of the user and revokes their tokens. Audited as admin.sessions.ended_all.");
    }

    private static async Task<Ok<List<SessionResource>>> ListAsync(Guid userId, ISessionManager sessions, CancellationToken cancellationToken)
    {
        var active = await sessions.ListActiveAsync(userId, cancellationToken);
        var clients = await sessions.ClientsOfAsync([.. active.Select(s => s.Id)], cancellationToken);
        return TypedResults.Ok(active.Select(s => SessionResource.From(s, clients.TryGetValue(s.Id, out var names) ? names : [])).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> EndOneAsync(Guid userId, string sessionId, ISessionManager sessions, IAuditLog audit,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!(await sessions.ListActiveAsync(userId, cancellationToken)).Any(s => s.Id == sessionId))
        {
            return TypedResults.NotFound();
        }

        await sessions.EndAsync(sessionId, SessionEndReasons.Administrator, cancellationToken);
        await audit.WriteAsync(AdminActor.Entry(context, "admin.sessions.ended", "user", userId.ToString(), new { sessionId }), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> EndAllAsync(Guid userId, ISessionManager sessions, IAuditLog audit, HttpContext context,
        CancellationToken cancellationToken)
    {
        var sessionIds = (await sessions.ListActiveAsync(userId, cancellationToken)).Select(s => s.Id).ToList();
        await sessions.EndAllForUserAsync(userId, SessionEndReasons.Administrator, cancellationToken);
        await audit.WriteAsync(AdminActor.Entry(context, "admin.sessions.ended_all", "user", userId.ToString(), new { sessionIds }), cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>A session as the admin API shows it.</summary>
public sealed record SessionResource(string Id, string Device, string? IpAddress, string? Location, string AuthenticationMethods, IReadOnlyList<string> Clients,
    DateTime CreatedAt, DateTime LastSeenAt, DateTime ExpiresAt)
{
    public static SessionResource From(UserSession s, IReadOnlyList<string> clients) =>
        new(s.Id, DeviceDescription.Describe(s.UserAgent), s.IpAddress, s.Location, s.AuthenticationMethods, clients, s.CreatedAt, s.LastSeenAt, s.ExpiresAt);
}
