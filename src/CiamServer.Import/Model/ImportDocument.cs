namespace CiamServer.Import.Model;

// The import format (docs/import.md, docs/import.schema.json). Properties are nullable where the file
// may leave them out; the validator says which are required, with the JSON path of each problem.

public sealed class ImportDocument
{
    /// <summary>Lets editors validate the file against docs/import.schema.json; ignored by the import.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public List<TenantImport>? Tenants { get; set; }
}

public sealed class TenantImport
{
    public string? Slug { get; set; }
    public string? DisplayName { get; set; }
    public bool? Enabled { get; set; }
    public BrandingImport? Branding { get; set; }
    public PasswordPolicyImport? PasswordPolicy { get; set; }
    public SessionPolicyImport? SessionPolicy { get; set; }
    public SignInImport? SignIn { get; set; }
    public MfaImport? Mfa { get; set; }
    public RiskImport? Risk { get; set; }
    public List<ApiScopeImport>? ApiScopes { get; set; }
    public List<string>? Roles { get; set; }
    public List<ClientImport>? Clients { get; set; }
    public List<UserImport>? Users { get; set; }
}

public sealed class BrandingImport
{
    public string? LogoUrl { get; set; }
    public string? PrimaryColor { get; set; }
    public string? AccentColor { get; set; }
    public string? BackgroundColor { get; set; }
    public string? TextColor { get; set; }

    /// <summary>Custom CSS in the safe subset (docs/admin/branding.md); refused, not trimmed, when it goes beyond it.</summary>
    public string? CustomCss { get; set; }
}

public sealed class PasswordPolicyImport
{
    public int? MinLength { get; set; }
}

/// <summary>Which ways of signing in the login page offers; an omitted field keeps the default
/// (<see cref="CiamServer.Core.Tenancy.TenantSignInPolicy"/>).</summary>
public sealed class SignInImport
{
    public bool? Password { get; set; }
    public bool? EmailLink { get; set; }
    public bool? EmailCode { get; set; }
    public bool? SmsCode { get; set; }
    public bool? Passkey { get; set; }
    public bool? PasskeyRecoveryByEmail { get; set; }
    public bool? RequirePasskeyAttestation { get; set; }
}

/// <summary>When a second factor is asked for (<see cref="CiamServer.Core.Tenancy.TenantMfaPolicy"/>).</summary>
public sealed class MfaImport
{
    /// <summary>off, optional, required or adaptive.</summary>
    public string? Mode { get; set; }
    public List<string>? RequiredForRoles { get; set; }
    public bool? AllowTotp { get; set; }
    public bool? AllowWebAuthn { get; set; }
    public bool? AllowSms { get; set; }
    public bool? AllowEmail { get; set; }
    public int? RememberDeviceDays { get; set; }
}

/// <summary>Risk score thresholds (<see cref="CiamServer.Core.Tenancy.TenantRiskPolicy"/>).</summary>
public sealed class RiskImport
{
    public int? StepUpAt { get; set; }
    public int? DenyAt { get; set; }
}

public sealed class SessionPolicyImport
{
    public int? IdleTimeoutMinutes { get; set; }
    public int? AbsoluteLifetimeMinutes { get; set; }
}

public sealed class ApiScopeImport
{
    public string? Name { get; set; }
    public string? DisplayName { get; set; }
    public string? Description { get; set; }
    public List<string>? Audiences { get; set; }
}

public sealed class ClientImport
{
    public string? ClientId { get; set; }
    public string? DisplayName { get; set; }

    /// <summary><c>public</c> or <c>confidential</c>.</summary>
    public string? Type { get; set; }

    public string? Secret { get; set; }
    public List<string>? RedirectUris { get; set; }
    public List<string>? PostLogoutRedirectUris { get; set; }

    /// <summary>Where the server POSTs logout tokens (OIDC Back-Channel Logout 1.0) when a session ends.</summary>
    public string? BackchannelLogoutUri { get; set; }

    /// <summary><c>authorization_code</c>, <c>refresh_token</c>, <c>client_credentials</c>.</summary>
    public List<string>? GrantTypes { get; set; }

    public List<string>? Scopes { get; set; }
    public bool? ConsentRequired { get; set; }
}

public sealed class UserImport
{
    public string? Email { get; set; }
    public string? Password { get; set; }

    /// <summary>An ASP.NET Core Identity (version 3) password hash, as an export writes it: moves an account
    /// between servers without knowing its password. Used only when the user is created, like <see cref="Password"/>.</summary>
    public string? PasswordHash { get; set; }

    public bool? EmailVerified { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public List<string>? Roles { get; set; }
}
