namespace CiamServer.Core.Tenancy;

/// <summary>What every hosted page of a tenant shows: its name, logo and primary colour.</summary>
public sealed class TenantBranding
{
    public const string DefaultPrimaryColor = "#2f5bd3";

    public string? LogoUrl { get; set; }

    /// <summary>A CSS hex colour (#rgb or #rrggbb); validated before it is stored.</summary>
    public string PrimaryColor { get; set; } = DefaultPrimaryColor;
}
