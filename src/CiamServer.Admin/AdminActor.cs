using System.Security.Claims;
using CiamServer.Core.Audit;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Admin;

/// <summary>Who makes an admin call, as the audit log records it: the token's client (or its subject, once
/// admins sign in to a console), and the address the call came from.</summary>
internal static class AdminActor
{
    public const string ActorType = "admin";

    public static AuditEntry Entry(HttpContext context, string action, string targetType, string targetId, object? data) =>
        new(ActorType, IdOf(context.User), action, targetType, targetId, data, context.Connection.RemoteIpAddress?.ToString());

    private static string? IdOf(ClaimsPrincipal user) => user.FindFirst("client_id")?.Value ?? user.FindFirst("sub")?.Value;
}
