using System.Text.RegularExpressions;

namespace CiamServer.Core.Sessions;

/// <summary>A person-readable name for the device behind a User-Agent ("Chrome 131 on Windows"), for the
/// session list. Display only, never a security decision. Hand-written because no maintained
/// user-agent parser package is available from our package source; it knows the browsers and systems
/// that make up nearly all customer traffic and says "Unknown" for the rest.</summary>
public static partial class DeviceDescription
{
    private static readonly (string Name, Regex Pattern)[] Browsers =
    [
        ("Edge", EdgePattern()), ("Opera", OperaPattern()), ("Samsung Internet", SamsungPattern()),
        ("Firefox", FirefoxPattern()), ("Chrome", ChromePattern()), ("Safari", SafariPattern()),
    ];

    private static readonly (string Name, string Marker)[] Systems =
    [
        ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Windows", "Windows NT"),
        ("ChromeOS", "CrOS"), ("macOS", "Mac OS X"), ("Linux", "Linux"),
    ];

    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        var browser = Browsers.Select(b => (b.Name, Match: b.Pattern.Match(userAgent))).FirstOrDefault(b => b.Match.Success);
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Marker, StringComparison.Ordinal)).Name;
        var browserText = browser.Name is null ? "Unknown browser" : $"{browser.Name} {browser.Match.Groups[1].Value}".Trim();
        return system is null ? browserText : $"{browserText} on {system}";
    }

    [GeneratedRegex(@"Edg(?:e|A|iOS)?/(\d+)")]
    private static partial Regex EdgePattern();

    [GeneratedRegex(@"(?:OPR|Opera)/(\d+)")]
    private static partial Regex OperaPattern();

    [GeneratedRegex(@"SamsungBrowser/(\d+)")]
    private static partial Regex SamsungPattern();

    [GeneratedRegex(@"(?:Firefox|FxiOS)/(\d+)")]
    private static partial Regex FirefoxPattern();

    [GeneratedRegex(@"(?:Chrome|CriOS)/(\d+)")]
    private static partial Regex ChromePattern();

    [GeneratedRegex(@"Version/(\d+)[.\d]* (?:Mobile/\S+ )?Safari/")]
    private static partial Regex SafariPattern();
}
