using CiamServer.Core.Tenancy;
using CiamServer.Core.Tenancy.Branding;

namespace CiamServer.Login.Pages.Shared;

/// <summary>The tenant's look, made safe to put into a page: colours are checked (a bad one falls back to the
/// default), the logo must be https, and the custom CSS is the sanitizer's rebuilt output, never the stored text.</summary>
public sealed record Branding(string Name, string? LogoUrl, string PrimaryColor, string AccentColor, string? BackgroundColor, string? TextColor, string Css)
{
    /// <summary>ViewData key of a draft branding that the admin preview renders instead of the tenant's.</summary>
    public const string PreviewKey = "Ciam.BrandingPreview";

    public static Branding For(Tenant? tenant) => tenant is null
        ? new Branding("CiamServer", null, TenantBranding.DefaultPrimaryColor, TenantBranding.DefaultPrimaryColor, null, null, string.Empty)
        : From(tenant.DisplayName, tenant.Branding);

    public static Branding From(string name, TenantBranding branding)
    {
        var primary = IsColor(branding.PrimaryColor) ? branding.PrimaryColor : TenantBranding.DefaultPrimaryColor;
        return new Branding(
            name,
            BrandingRules.IsLogoUrl(branding.LogoUrl) ? new Uri(branding.LogoUrl!).AbsoluteUri : null,
            primary,
            IsColor(branding.AccentColor) ? branding.AccentColor! : primary,
            IsColor(branding.BackgroundColor) ? branding.BackgroundColor : null,
            IsColor(branding.TextColor) ? branding.TextColor : null,
            CssSanitizer.Sanitize(branding.CustomCss).Css);
    }

    public static bool IsColor(string? value) => BrandingRules.IsHexColor(value);

    /// <summary>The :root rule of the page's variables (colours are hex only, so nothing here can leave the rule).</summary>
    public string RootVariables =>
        $":root {{ --primary: {PrimaryColor}; --accent: {AccentColor};{(BackgroundColor is null ? "" : $" --bg: {BackgroundColor};")}{(TextColor is null ? "" : $" --text: {TextColor};")} }}";
}
