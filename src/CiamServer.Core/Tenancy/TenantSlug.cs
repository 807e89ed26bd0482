using System.Text.RegularExpressions;

namespace CiamServer.Core.Tenancy;

/// <summary>The rules for a tenant's path segment, shared by the router, the import and the admin API.</summary>
public static partial class TenantSlug
{
    public const int MaxLength = 63;

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && SlugPattern().IsMatch(slug);

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
