namespace CiamServer.Core.Tenancy.Branding;

/// <summary>What custom CSS may use: properties that change colours, fonts, spacing, borders, corners, shadows and
/// text, and nothing that positions, hides, loads or runs anything.</summary>
internal static class CssAllowList
{
    public static readonly HashSet<string> Properties = new(StringComparer.Ordinal)
    {
        // Colours
        "color", "background", "background-color", "border-color", "border-top-color", "border-right-color",
        "border-bottom-color", "border-left-color", "outline-color", "accent-color", "caret-color", "text-decoration-color",
        // Fonts and text
        "font-family", "font-size", "font-weight", "font-style", "line-height", "letter-spacing", "word-spacing",
        "text-align", "text-transform", "text-decoration", "text-decoration-line", "text-decoration-style",
        "text-decoration-thickness", "text-underline-offset", "text-shadow",
        // Spacing
        "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
        "padding", "padding-top", "padding-right", "padding-bottom", "padding-left", "gap", "row-gap", "column-gap",
        // Borders, corners, shadows
        "border", "border-top", "border-right", "border-bottom", "border-left", "border-width", "border-style",
        "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
        "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
        "border-radius", "border-top-left-radius", "border-top-right-radius", "border-bottom-right-radius", "border-bottom-left-radius",
        "outline", "outline-width", "outline-style", "outline-offset", "box-shadow",
        // The hosted pages' own variables
        "--primary", "--accent", "--text", "--muted", "--error", "--bg",
    };

    /// <summary>Functions a value may call: colours and the pages' variables. Never url(), expression(), image-set()...</summary>
    public static readonly HashSet<string> Functions = new(StringComparer.Ordinal) { "rgb", "rgba", "hsl", "hsla", "var" };

    /// <summary>Words refused in any value, even where they would do nothing, so a refusal is plain.</summary>
    public static readonly string[] ForbiddenWords = ["url", "expression", "javascript", "vbscript", "behavior", "binding", "import", "script"];

    /// <summary>Generic families and fonts every system has: no web fonts (they would be loaded from elsewhere).</summary>
    public static readonly HashSet<string> FontFamilies = new(StringComparer.OrdinalIgnoreCase)
    {
        "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace",
        "ui-rounded", "math", "emoji", "-apple-system", "BlinkMacSystemFont", "Segoe UI", "Roboto", "Helvetica", "Helvetica Neue",
        "Arial", "Verdana", "Tahoma", "Trebuchet MS", "Georgia", "Times New Roman", "Courier New", "Inherit", "Initial",
    };

    public static readonly HashSet<string> PseudoClasses = new(StringComparer.Ordinal)
    {
        ":hover", ":focus", ":focus-visible", ":focus-within", ":active", ":visited", ":link", ":disabled", ":enabled",
        ":checked", ":first-child", ":last-child", ":only-child", ":first-of-type", ":last-of-type", ":root",
        "::placeholder", "::selection", "::marker",
    };
}
