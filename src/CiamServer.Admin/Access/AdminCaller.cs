using System.Security.Claims;

namespace CiamServer.Admin.Access;

/// <summary>Who calls the admin API, from the access token: a person (an admin tenant user, whose grants
/// decide) or a client (client_credentials: its subject is its client_id).</summary>
internal static class AdminCaller
{
    public static Guid? UserIdOf(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst("sub")?.Value;
        var clientId = principal.FindFirst("client_id")?.Value;
        return subject is not null && subject != clientId && Guid.TryParse(subject, out var userId) ? userId : null;
    }
}
