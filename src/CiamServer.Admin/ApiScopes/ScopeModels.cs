namespace CiamServer.Admin.ApiScopes;

/// <summary>An API scope: what clients ask for, and the audiences (APIs, resources) its access tokens are for.</summary>
public sealed record ScopeResource(string Name, string? DisplayName, string? Description, IReadOnlyList<string> Audiences);

/// <summary>A new API scope; its name is fixed for its life (tokens and clients refer to it).</summary>
public sealed class ScopeCreateInput : ScopeSettingsInput
{
    public string? Name { get; set; }
}

/// <summary>What an administrator may change on an API scope (a PUT replaces all of it).</summary>
public class ScopeSettingsInput
{
    /// <summary>Short name shown to administrators (at most 200 characters).</summary>
    public string? DisplayName { get; set; }

    /// <summary>What the scope lets an app do, in words for the consent page (at most 1000 characters).</summary>
    public string? Description { get; set; }

    /// <summary>The APIs (audience values) an access token with this scope is for; at least one.</summary>
    public List<string>? Audiences { get; set; }
}
