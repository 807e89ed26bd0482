using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Core.Infrastructure;

/// <summary>A per-response nonce that lets one page run its own inline scripts (a page that a package renders,
/// such as the admin API's docs) while every other inline script stays blocked by the CSP.</summary>
public static class ScriptNonce
{
    private const string ItemKey = "Ciam.ScriptNonce";

    /// <summary>The response's nonce, created on first use; the CSP of this response then allows it.</summary>
    public static string For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[ItemKey] is not string nonce)
        {
            // Hex: no '+', '/' or '=' that HTML encoding would turn into entities where the page writes it.
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[ItemKey] = nonce;
        }

        return nonce;
    }

    /// <summary>The CSP source for the nonce, or nothing when the response has none.</summary>
    internal static string ExtraSource(HttpContext context) =>
        context.Items[ItemKey] is string nonce ? $" 'nonce-{nonce}'" : string.Empty;
}
