using CiamServer.Import.Model;

namespace CiamServer.Import;

/// <summary>The rules every client registration follows, whether it comes from an import file or the admin API:
/// type, grant types, redirect and post-logout URIs (<see cref="RedirectUriRules"/>), back-channel logout URI and
/// scopes. Problems are reported with a path relative to the client (<c>redirectUris[0]</c>, <c>grantTypes</c>).
/// The secret is not checked here: imports bring one, the admin API generates it.</summary>
public static class ClientRules
{
    public static readonly IReadOnlyList<string> GrantTypes = ["authorization_code", "refresh_token", "client_credentials"];

    /// <summary>The OIDC scopes every tenant has; API scopes may not take these names, and they cannot be edited.</summary>
    public static readonly IReadOnlyList<string> StandardScopes = ["openid", "profile", "email", "phone", "offline_access", "roles"];

    public const int MaxClientIdLength = 100;

    public static string? ClientIdProblem(string? clientId) =>
        string.IsNullOrWhiteSpace(clientId) || clientId.Length > MaxClientIdLength
            ? "is required (at most 100 characters) and must be unique in the tenant."
            : null;

    /// <param name="client">The registration.</param>
    /// <param name="scopeNames">Standard scopes and the tenant's API scopes.</param>
    /// <param name="problem">Called with the path (relative to the client) and the message of each problem.</param>
    public static void Check(ClientImport client, IReadOnlySet<string> scopeNames, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(problem);
        if (ClientIdProblem(client.ClientId) is { } idProblem)
        {
            problem("clientId", idProblem);
        }

        if (client.DisplayName is { Length: > 200 })
        {
            problem("displayName", "must be at most 200 characters.");
        }

        var isPublic = client.Type == "public";
        if (client.Type is not ("public" or "confidential"))
        {
            problem("type", "must be 'public' or 'confidential'.");
        }

        var grants = client.GrantTypes ?? [];
        if (grants.Count == 0 || grants.Any(g => !GrantTypes.Contains(g)))
        {
            problem("grantTypes", "must list one or more of authorization_code, refresh_token, client_credentials (no implicit or password grant).");
        }

        if (isPublic && grants.Contains("client_credentials"))
        {
            problem("grantTypes", "client_credentials needs a confidential client.");
        }

        if (grants.Contains("authorization_code") && client.RedirectUris is not { Count: > 0 })
        {
            problem("redirectUris", "the authorization_code grant needs at least one redirect URI.");
        }

        CheckUris(client.RedirectUris, "redirectUris", problem);
        CheckUris(client.PostLogoutRedirectUris, "postLogoutRedirectUris", problem);
        if (client.BackchannelLogoutUri is not null && BackchannelUriProblem(client.BackchannelLogoutUri) is { } backchannel)
        {
            problem("backchannelLogoutUri", backchannel);
        }

        for (var s = 0; s < (client.Scopes?.Count ?? 0); s++)
        {
            if (client.Scopes![s] is null)
            {
                problem($"scopes[{s}]", "must not be null.");
            }
            else if (!scopeNames.Contains(client.Scopes[s]))
            {
                problem($"scopes[{s}]", $"'{client.Scopes[s]}' is neither a standard scope nor one of the tenant's apiScopes.");
            }
        }
    }

    private static void CheckUris(List<string>? uris, string path, Action<string, string> problem)
    {
        for (var i = 0; i < (uris?.Count ?? 0); i++)
        {
            if (RedirectUriRules.Check(uris![i]) is { } error)
            {
                problem($"{path}[{i}]", error);
            }
        }
    }

    /// <summary>The server calls this URI itself: https, or http on loopback, and no custom schemes.</summary>
    public static string? BackchannelUriProblem(string uri) =>
        RedirectUriRules.Check(uri) ?? (uri.StartsWith("https://", StringComparison.Ordinal) || uri.StartsWith("http://", StringComparison.Ordinal)
            ? null
            : "must use https (or http on a loopback address).");
}
