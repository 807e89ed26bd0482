using System.Security.Claims;

namespace CiamServer.Samples.Api;

internal static class TokenScopes
{
    /// <summary>RFC 9068 puts scopes in one space-separated "scope" claim; some servers send one claim per
    /// scope. Both shapes give the same set.</summary>
    public static IReadOnlySet<string> Of(ClaimsPrincipal user) =>
        user.FindAll("scope")
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
}
