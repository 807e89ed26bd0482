using Microsoft.AspNetCore.Http;

namespace CiamServer.Login.Pages.Account;

/// <summary>Carries a protocol request's parameters through a page as hidden fields. The protocol
/// endpoint validates them again when they come back, so the page trusts none of them.</summary>
internal static class ForwardedParameters
{
    private const int MaxParameters = 30;
    private const int MaxValueLength = 4096;

    public static IReadOnlyList<KeyValuePair<string, string>> From(IQueryCollection query) =>
        query.Where(p => !p.Key.StartsWith("ciam_", StringComparison.Ordinal))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty)))
            .Where(p => p.Value.Length <= MaxValueLength)
            .Take(MaxParameters)
            .ToList();
}
