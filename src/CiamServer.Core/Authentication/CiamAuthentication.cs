namespace CiamServer.Core.Authentication;

/// <summary>Names shared by the modules that sign people in (Login) and issue tokens (Protocol).</summary>
public static class CiamAuthentication
{
    /// <summary>The SSO cookie scheme: one cookie per tenant, pointing at a server-side session.</summary>
    public const string SessionScheme = "ciam.session";

    /// <summary>Access tokens issued by this server to its own APIs (admin API), validated in-process.
    /// The value is OpenIddict's validation scheme name, which the protocol module registers.</summary>
    public const string AccessTokenScheme = "OpenIddict.Validation.AspNetCore";

    /// <summary>The scope (and audience) of tokens that may call a tenant's admin API.</summary>
    public const string AdminScope = "ciam.admin";
}

/// <summary>Claim types of the SSO cookie and of issued tokens (OIDC Core and RFC 8176 names).</summary>
public static class CiamClaimTypes
{
    public const string Subject = "sub";
    public const string SessionId = "sid";
    public const string AuthenticationMethods = "amr";
    public const string AuthenticationTime = "auth_time";
    public const string AuthenticationContext = "acr";
    public const string Tenant = "tenant";
}
