namespace CiamServer.Core.Tenancy;

/// <summary>What every hosted page of a tenant shows: its logo, colours and custom CSS (the name is
/// <see cref="Tenant.DisplayName"/>). Values are checked by <see cref="Branding.BrandingRules"/> before they are
/// stored, and checked again when a page renders them.</summary>
public sealed class TenantBranding
{
    public const string DefaultPrimaryColor = "#2f5bd3";

    /// <summary>An absolute https URL, or null for no logo.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>Buttons and focus rings: a CSS hex colour (#rgb or #rrggbb).</summary>
    public string PrimaryColor { get; set; } = DefaultPrimaryColor;

    /// <summary>Links and highlights; null uses the primary colour.</summary>
    public string? AccentColor { get; set; }

    /// <summary>The page behind the card; null keeps the default light grey.</summary>
    public string? BackgroundColor { get; set; }

    /// <summary>Body text; null keeps the default near-black.</summary>
    public string? TextColor { get; set; }

    /// <summary>Extra CSS in the safe subset of <see cref="Branding.CssSanitizer"/>, at most
    /// <see cref="Branding.BrandingRules.MaxCustomCssLength"/> characters; null for none.</summary>
    public string? CustomCss { get; set; }
}
