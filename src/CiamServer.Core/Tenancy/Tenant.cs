namespace CiamServer.Core.Tenancy;

/// <summary>An isolated user pool with its own issuer <c>{origin}/t/{slug}</c> (Keycloak's realm).</summary>
public sealed class Tenant
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The path segment of the tenant's issuer: lower-case letters, digits and dashes.</summary>
    public required string Slug { get; set; }

    public required string DisplayName { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    public TenantBranding Branding { get; set; } = new();

    public TenantPasswordPolicy PasswordPolicy { get; set; } = new();

    public TenantSessionPolicy SessionPolicy { get; set; } = new();

    public TenantSignInPolicy SignIn { get; set; } = new();

    public TenantMfaPolicy Mfa { get; set; } = new();

    public TenantRiskPolicy Risk { get; set; } = new();
}
