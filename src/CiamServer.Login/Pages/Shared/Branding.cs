using System.Text.RegularExpressions;
using CiamServer.Core.Tenancy;

namespace CiamServer.Login.Pages.Shared;

/// <summary>The tenant's look, made safe to put into a page (colours are checked, never echoed raw).</summary>
public sealed partial record Branding(string Name, string? LogoUrl, string PrimaryColor)
{
    public static Branding For(Tenant? tenant) => tenant is null
        ? new Branding("CiamServer", null, TenantBranding.DefaultPrimaryColor)
        : new Branding(
            tenant.DisplayName,
            Uri.TryCreate(tenant.Branding.LogoUrl, UriKind.Absolute, out var logo) && logo.Scheme == Uri.UriSchemeHttps ? logo.ToString() : null,
            IsColor(tenant.Branding.PrimaryColor) ? tenant.Branding.PrimaryColor : TenantBranding.DefaultPrimaryColor);

    public static bool IsColor(string? value) => value is not null && HexColor().IsMatch(value);

    [GeneratedRegex(@"^#(?:[0-9a-fA-F]{3}){1,2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();
}
