using Microsoft.AspNetCore.Http;

namespace CiamServer.Core.Tenancy.Branding;

/// <summary>Renders the hosted login page's look with draft branding, for an admin to see before saving. Implemented
/// by the Login module (which owns the pages); the admin API and console call it. The draft is never stored and
/// shows only in the returned HTML; its CSS goes through <see cref="CssSanitizer"/> like saved CSS does.</summary>
public interface IBrandingPreview
{
    /// <summary>The HTML of the preview for the current tenant. Callers must be admins of that tenant, and should
    /// send it with <see cref="Infrastructure.SandboxedPreview.Mark"/> set on the response.</summary>
    Task<string> RenderLoginPageAsync(HttpContext context, TenantBranding draft, CancellationToken cancellationToken);
}
