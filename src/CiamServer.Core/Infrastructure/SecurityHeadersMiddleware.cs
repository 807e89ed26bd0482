using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Core.Infrastructure;

/// <summary>Headers every response carries: no framing (clickjacking), no referrer leaking codes or
/// tokens in URLs, no MIME sniffing, and a strict CSP for the hosted pages.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // OpenIddict's form_post response (response_mode=form_post, the default of ASP.NET Core's OpenID Connect
    // handler) submits itself with this inline script; blocked, it leaves the user on a blank page. It is
    // allowed by its hash, so every other inline script stays blocked.
    private const string FormPostScript = "document.form.submit();";

    private static readonly string PolicyBeforeScriptNonce =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; " +
        $"script-src 'self' 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(FormPostScript)))}'";

    private const string PolicyBeforeFormAction = "; form-action 'self' https: http://localhost:* http://127.0.0.1:*";

    private const string PolicyAfterFormAction = "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var preview = SandboxedPreview.IsMarked(context);
            headers.ContentSecurityPolicy = preview
                ? SandboxedPreview.Policy
                : PolicyBeforeScriptNonce + ScriptNonce.ExtraSource(context) + PolicyBeforeFormAction + FormActionTarget.ExtraSource(context.Request) + PolicyAfterFormAction;
            headers.XFrameOptions = preview ? "SAMEORIGIN" : "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
