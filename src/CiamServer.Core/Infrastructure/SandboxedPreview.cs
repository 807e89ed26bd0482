using Microsoft.AspNetCore.Http;

namespace CiamServer.Core.Infrastructure;

/// <summary>A response that shows a preview (the login page with draft branding) to an admin. Its CSP is stricter
/// than the hosted pages' (no script at all, no form submission, a sandboxed document) and it may be framed by this
/// server's own pages only, so the admin console can show it in an iframe.</summary>
public static class SandboxedPreview
{
    private const string ItemKey = "Ciam.SandboxedPreview";

    internal const string Policy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; form-action 'none'; " +
        "frame-ancestors 'self'; base-uri 'none'; object-src 'none'; sandbox allow-same-origin";

    public static void Mark(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ItemKey] = true;
    }

    internal static bool IsMarked(HttpContext context) => context.Items.ContainsKey(ItemKey);
}
