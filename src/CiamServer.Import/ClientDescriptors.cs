using CiamServer.Import.Model;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Import;

/// <summary>Turns a client registration (import file or admin API) into OpenIddict's descriptor: type, consent,
/// redirect URIs, and the permissions and requirements that follow from its grant types and scopes
/// (docs/import.md, "What a client may do"). Public clients must use PKCE. And back again, for reading.</summary>
public static class ClientDescriptors
{
    public static OpenIddictApplicationDescriptor Describe(ClientImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        var isPublic = import.Type == "public";
        var grants = (import.GrantTypes ?? []).ToHashSet(StringComparer.Ordinal);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = import.ClientId,
            DisplayName = string.IsNullOrWhiteSpace(import.DisplayName) ? import.ClientId : import.DisplayName,
            ClientType = isPublic ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = import.ConsentRequired == true ? ConsentTypes.Explicit : ConsentTypes.Implicit,
        };
        descriptor.RedirectUris.UnionWith((import.RedirectUris ?? []).Select(u => new Uri(u)));
        descriptor.PostLogoutRedirectUris.UnionWith((import.PostLogoutRedirectUris ?? []).Select(u => new Uri(u)));

        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
        if (!isPublic)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }

        if (grants.Contains(GrantTypes.AuthorizationCode))
        {
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code]);
        }

        if (grants.Contains(GrantTypes.RefreshToken))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
        }

        if (grants.Contains(GrantTypes.ClientCredentials))
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }

        descriptor.Permissions.UnionWith((import.Scopes ?? []).Where(s => s != Scopes.OpenId).Select(s => Permissions.Prefixes.Scope + s));
        if (isPublic)
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        return descriptor;
    }

    /// <summary>The grant types a descriptor permits, in <see cref="ClientRules.GrantTypes"/> order.</summary>
    public static List<string> GrantTypesOf(OpenIddictApplicationDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return ClientRules.GrantTypes.Where(g => descriptor.Permissions.Contains(Permissions.Prefixes.GrantType + g)).ToList();
    }

    /// <summary>The scopes a descriptor permits, sorted; <c>openid</c> (which needs no permission) is listed for
    /// clients of the code flow, so that reading a client and writing it back changes nothing.</summary>
    public static List<string> ScopesOf(OpenIddictApplicationDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var scopes = descriptor.Permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]).ToList();
        if (descriptor.Permissions.Contains(Permissions.GrantTypes.AuthorizationCode))
        {
            scopes.Add(Scopes.OpenId);
        }

        return scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
