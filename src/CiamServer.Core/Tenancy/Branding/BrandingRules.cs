using System.Text.RegularExpressions;

namespace CiamServer.Core.Tenancy.Branding;

/// <summary>The rules branding values follow, shared by the admin API, the console and the import: each check
/// returns the problems of one field, in words an admin can act on.</summary>
public static partial class BrandingRules
{
    public const int MaxLogoUrlLength = 2048;

    /// <summary>8 KB of CSS: enough for a theme, small enough to inline in every hosted page.</summary>
    public const int MaxCustomCssLength = 8192;

    public static bool IsHexColor(string? value) => value is not null && HexColor().IsMatch(value);

    public static bool IsLogoUrl(string? value) =>
        value is { Length: <= MaxLogoUrlLength } && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>The problems of a colour field (null is allowed when the colour is optional).</summary>
    public static IEnumerable<string> ColorProblems(string? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                yield return "Enter a colour.";
            }
        }
        else if (!IsHexColor(value))
        {
            yield return "Use a hex colour such as #2f5bd3 (#rgb or #rrggbb).";
        }
    }

    public static IEnumerable<string> LogoUrlProblems(string? value)
    {
        if (value is not null && !IsLogoUrl(value))
        {
            yield return $"Use an absolute https URL of at most {MaxLogoUrlLength} characters, without a user name or password.";
        }
    }

    public static IEnumerable<string> CustomCssProblems(string? value) =>
        value is null ? [] : CssSanitizer.Sanitize(value).Problems.Select(p => p.ToString());

    /// <summary>Every problem of a set of branding values, by field name (camelCase, as the API and the import
    /// name them); empty when all are valid.</summary>
    public static Dictionary<string, string[]> Validate(TenantBranding branding)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Add(problems, "logoUrl", LogoUrlProblems(branding.LogoUrl));
        Add(problems, "primaryColor", ColorProblems(branding.PrimaryColor, required: true));
        Add(problems, "accentColor", ColorProblems(branding.AccentColor, required: false));
        Add(problems, "backgroundColor", ColorProblems(branding.BackgroundColor, required: false));
        Add(problems, "textColor", ColorProblems(branding.TextColor, required: false));
        Add(problems, "customCss", CustomCssProblems(branding.CustomCss));
        return problems;
    }

    private static void Add(Dictionary<string, string[]> problems, string field, IEnumerable<string> messages)
    {
        var list = messages.ToArray();
        if (list.Length > 0)
        {
            problems[field] = list;
        }
    }

    [GeneratedRegex(@"^#(?:[0-9a-fA-F]{3}){1,2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();
}
