namespace CiamServer.Admin.Clients;

/// <summary>A new client: its id and type are fixed for its life; the settings can be changed later.</summary>
public sealed class ClientCreateInput : ClientSettingsInput
{
    public string? ClientId { get; set; }

    /// <summary><c>confidential</c> (a server-side app: the server generates its secret) or <c>public</c>
    /// (a browser or native app: no secret, PKCE required).</summary>
    public string? Type { get; set; }
}

/// <summary>What an administrator may change on a client (a PUT replaces all of it).</summary>
public class ClientSettingsInput
{
    public string? DisplayName { get; set; }

    /// <summary>Exact redirect URIs: https, http only on loopback (native apps), or a private-use scheme
    /// (com.example.app:/callback); no fragment, no wildcard.</summary>
    public List<string>? RedirectUris { get; set; }

    public List<string>? PostLogoutRedirectUris { get; set; }

    /// <summary>Where the server POSTs logout tokens when a session ends (https, or http on loopback).</summary>
    public string? BackchannelLogoutUri { get; set; }

    /// <summary>authorization_code, refresh_token, client_credentials.</summary>
    public List<string>? GrantTypes { get; set; }

    /// <summary>Standard scopes (openid, profile, email, phone, offline_access, roles) or the tenant's API scopes.</summary>
    public List<string>? Scopes { get; set; }

    /// <summary>Ask users to consent (explicit consent) before the client gets their data.</summary>
    public bool? ConsentRequired { get; set; }

    /// <summary>Token lifetimes of this client; each left out (null) takes the server's.</summary>
    public TokenLifetimes? TokenLifetimes { get; set; }
}

/// <summary>Per-client token lifetimes in seconds; null takes the server's value (Ciam:Protocol). A client may
/// shorten a lifetime, never lengthen it beyond the server's, which bounds how long revocations are kept.</summary>
public sealed record TokenLifetimes(int? AccessTokenSeconds, int? IdentityTokenSeconds, int? RefreshTokenSeconds);

/// <summary>A client as the admin API shows it. Never its secret or the secret's hash.</summary>
public sealed record ClientResource(
    string ClientId,
    string DisplayName,
    string Type,
    bool Disabled,
    bool ConsentRequired,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    string? BackchannelLogoutUri,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> Scopes,
    TokenLifetimes TokenLifetimes);

/// <summary>The answer to creating a client or rotating its secret: the only time the secret is ever shown.</summary>
public sealed record ClientWithSecret(ClientResource Client, string? ClientSecret);
