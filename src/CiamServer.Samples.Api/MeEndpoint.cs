using System.Security.Claims;
using System.Text.Json.Serialization;

namespace CiamServer.Samples.Api;

/// <summary>GET /me: who the token speaks for, which client holds it, and what it allows.</summary>
internal static class MeEndpoint
{
    public static IResult Handle(ClaimsPrincipal user) => Results.Ok(new MeResponse(
        user.FindFirstValue("sub"),
        user.FindFirstValue("client_id"),
        [.. TokenScopes.Of(user).Order(StringComparer.Ordinal)]));
}

public sealed record MeResponse(
    [property: JsonPropertyName("sub")] string? Subject,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes);
