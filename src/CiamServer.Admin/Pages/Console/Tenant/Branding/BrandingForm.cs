using CiamServer.Admin.Branding;
using CiamServer.Core.Tenancy;

namespace CiamServer.Admin.Pages.Console.Tenant.Branding;

/// <summary>The branding form. Each colour has a text field (what is saved) and a colour picker; without JavaScript the
/// picker counts only when the text field was left as shown and the picker was moved.</summary>
public sealed class BrandingForm
{
    /// <summary>What a picker shows for a colour that is not set: the pages' default.</summary>
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        [nameof(PrimaryColor)] = TenantBranding.DefaultPrimaryColor,
        [nameof(AccentColor)] = TenantBranding.DefaultPrimaryColor,
        [nameof(BackgroundColor)] = "#f3f5f8",
        [nameof(TextColor)] = "#1b1f24",
    };

    public string? LogoUrl { get; set; }

    public string? PrimaryColor { get; set; }

    public string? PrimaryColorPicker { get; set; }

    public string? PrimaryColorShown { get; set; }

    public string? AccentColor { get; set; }

    public string? AccentColorPicker { get; set; }

    public string? AccentColorShown { get; set; }

    public string? BackgroundColor { get; set; }

    public string? BackgroundColorPicker { get; set; }

    public string? BackgroundColorShown { get; set; }

    public string? TextColor { get; set; }

    public string? TextColorPicker { get; set; }

    public string? TextColorShown { get; set; }

    public string? CustomCss { get; set; }

    internal static BrandingForm From(BrandingResource saved) => new()
    {
        LogoUrl = saved.LogoUrl,
        PrimaryColor = saved.PrimaryColor,
        PrimaryColorShown = saved.PrimaryColor,
        AccentColor = saved.AccentColor,
        AccentColorShown = saved.AccentColor,
        BackgroundColor = saved.BackgroundColor,
        BackgroundColorShown = saved.BackgroundColor,
        TextColor = saved.TextColor,
        TextColorShown = saved.TextColor,
        CustomCss = saved.CustomCss,
    };

    internal BrandingInput ToInput() => new(LogoUrl, Pick(nameof(PrimaryColor), PrimaryColor, PrimaryColorPicker, PrimaryColorShown),
        Pick(nameof(AccentColor), AccentColor, AccentColorPicker, AccentColorShown),
        Pick(nameof(BackgroundColor), BackgroundColor, BackgroundColorPicker, BackgroundColorShown),
        Pick(nameof(TextColor), TextColor, TextColorPicker, TextColorShown), CustomCss);

    /// <summary>The value an &lt;input type=color&gt; can show (#rrggbb) for a colour field.</summary>
    public static string PickerValue(string field, string? color)
    {
        var value = string.IsNullOrWhiteSpace(color) ? Defaults[field] : color.Trim();
        if (System.Text.RegularExpressions.Regex.IsMatch(value, "^#[0-9a-fA-F]{3}$"))
        {
            value = string.Concat("#", value[1], value[1], value[2], value[2], value[3], value[3]);
        }

        return System.Text.RegularExpressions.Regex.IsMatch(value, "^#[0-9a-fA-F]{6}$") ? value.ToLowerInvariant() : Defaults[field];
    }

    /// <summary>The form field of an API field name (camelCase), for model state errors.</summary>
    internal static string FieldName(string apiField) => "Input." + char.ToUpperInvariant(apiField[0]) + apiField[1..];

    private static string? Pick(string field, string? text, string? picker, string? shown)
    {
        if (!string.Equals(text?.Trim() ?? string.Empty, shown ?? string.Empty, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        return picker is not null && !string.Equals(picker, PickerValue(field, shown), StringComparison.OrdinalIgnoreCase) ? picker : text;
    }
}
