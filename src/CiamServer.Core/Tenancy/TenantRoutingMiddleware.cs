using Microsoft.AspNetCore.Http;

namespace CiamServer.Core.Tenancy;

/// <summary>Turns <c>/t/{tenant}/rest</c> into PathBase <c>/t/{tenant}</c> + Path <c>/rest</c>, so every
/// module (OpenIddict included) sees the tenant's issuer as its base address and routes stay tenant-free.</summary>
internal sealed class TenantRoutingMiddleware(RequestDelegate next)
{
    private static readonly PathString TenantsPrefix = new("/t");

    // Everything a tenant serves. Outside /t/{tenant} there is no issuer, user pool or branding: OpenIddict
    // would otherwise answer discovery at the root with an issuer no client is registered with.
    private static readonly PathString[] TenantOnlyPrefixes = [new("/.well-known"), new("/connect"), new("/account"), new("/admin")];

    public async Task InvokeAsync(HttpContext context, ITenantDirectory directory, ITenantContext tenantContext)
    {
        if (!context.Request.Path.StartsWithSegments(TenantsPrefix, out var afterPrefix))
        {
            if (TenantOnlyPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix)))
            {
                await NotFoundAsync(context);
                return;
            }

            await next(context);
            return;
        }

        var slug = FirstSegment(afterPrefix, out var rest);
        var tenant = slug is null ? null : await directory.FindBySlugAsync(slug, context.RequestAborted);
        if (tenant is null || !tenant.Enabled)
        {
            // The same answer for a missing and a disabled tenant: neither reveals what exists.
            await NotFoundAsync(context);
            return;
        }

        tenantContext.Set(tenant);
        var originalBase = context.Request.PathBase;
        var originalPath = context.Request.Path;
        context.Request.PathBase = originalBase.Add(new PathString("/t/" + slug));
        context.Request.Path = rest;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.PathBase = originalBase;
            context.Request.Path = originalPath;
        }
    }

    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Not found.");
    }

    private static string? FirstSegment(PathString path, out PathString rest)
    {
        var value = path.Value ?? string.Empty;
        if (value.Length < 2 || value[0] != '/')
        {
            rest = PathString.Empty;
            return null;
        }

        var end = value.IndexOf('/', 1);
        rest = end < 0 ? PathString.Empty : new PathString(value[end..]);
        return end < 0 ? value[1..] : value[1..end];
    }
}
