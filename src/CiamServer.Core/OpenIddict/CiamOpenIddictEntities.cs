using CiamServer.Core.Tenancy;
using OpenIddict.EntityFrameworkCore.Models;

namespace CiamServer.Core.OpenIddict;

// OpenIddict's clients, authorizations, scopes and tokens are not tenant-aware by themselves; each entity
// carries its tenant so the DbContext's query filter keeps one tenant's rows out of another's requests.

/// <summary>A client (relying party) registered in one tenant.</summary>
public sealed class CiamApplication : OpenIddictEntityFrameworkCoreApplication<Guid, CiamAuthorization, CiamToken>, ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>OIDC Back-Channel Logout endpoint of the client, when it registered one.</summary>
    public string? BackchannelLogoutUri { get; set; }

    /// <summary>A disabled client gets no authorization code and no token (its refresh tokens stop working too);
    /// an administrator turns it off and on again without losing its registration.</summary>
    public bool Disabled { get; set; }
}

/// <summary>A user's grant to a client (remembered consent, or the ad-hoc grant behind a token family).</summary>
public sealed class CiamAuthorization : OpenIddictEntityFrameworkCoreAuthorization<Guid, CiamApplication, CiamToken>, ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>The sign-in session a token family was issued through (null for remembered consent and
    /// machine clients); ending the session revokes the family.</summary>
    public string? SessionId { get; set; }
}

/// <summary>A scope of one tenant; API scopes name the audiences (resources) their tokens are for.</summary>
public sealed class CiamScope : OpenIddictEntityFrameworkCoreScope<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

/// <summary>A code, access or refresh token entry of one tenant.</summary>
public sealed class CiamToken : OpenIddictEntityFrameworkCoreToken<Guid, CiamApplication, CiamAuthorization>, ITenantOwned
{
    public Guid TenantId { get; set; }
}
