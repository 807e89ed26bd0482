using CiamServer.Core.Tenancy;

namespace CiamServer.Admin.Branding;

/// <summary>A tenant's branding as the admin API shows it. The name is the tenant's display name (read-only here).</summary>
public sealed record BrandingResource(string DisplayName, string? LogoUrl, string PrimaryColor, string? AccentColor, string? BackgroundColor,
    string? TextColor, string? CustomCss)
{
    public static BrandingResource From(Tenant tenant) => new(tenant.DisplayName, tenant.Branding.LogoUrl, tenant.Branding.PrimaryColor,
        tenant.Branding.AccentColor, tenant.Branding.BackgroundColor, tenant.Branding.TextColor, tenant.Branding.CustomCss);
}

/// <summary>New branding values: the whole set, replacing the stored one. An omitted or empty field goes back to its
/// default (the default blue for <see cref="PrimaryColor"/>, nothing for the others).</summary>
public sealed record BrandingInput(string? LogoUrl, string? PrimaryColor, string? AccentColor, string? BackgroundColor, string? TextColor,
    string? CustomCss)
{
    public TenantBranding ToBranding() => new()
    {
        LogoUrl = Clean(LogoUrl),
        PrimaryColor = Clean(PrimaryColor) ?? TenantBranding.DefaultPrimaryColor,
        AccentColor = Clean(AccentColor),
        BackgroundColor = Clean(BackgroundColor),
        TextColor = Clean(TextColor),
        CustomCss = string.IsNullOrWhiteSpace(CustomCss) ? null : CustomCss.Replace("\r\n", "\n", StringComparison.Ordinal),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
