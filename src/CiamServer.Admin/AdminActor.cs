using System.Security.Claims;
using CiamServer.Core.Audit;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Admin;

/// <summary>Who makes an admin call, as the audit log records it: the administrator (a user of the admin tenant) or
/// the token's client, and the address the call came from.</summary>
internal static class AdminActor
{
    public const string ActorType = "admin";

    public static AuditEntry Entry(HttpContext context, string action, string targetType, string targetId, object? data) =>
        new(ActorType, IdOf(context.User), action, targetType, targetId, data, context.Connection.RemoteIpAddress?.ToString());

    /// <summary>The administrator when a person acts (console cookie or their access token), else the client.</summary>
    private static string? IdOf(ClaimsPrincipal user) =>
        Access.AdminCaller.UserIdOf(user)?.ToString() ?? user.FindFirst("client_id")?.Value ?? user.FindFirst("sub")?.Value;
}
