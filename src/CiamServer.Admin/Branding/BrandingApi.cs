using CiamServer.Core.Infrastructure;
using CiamServer.Core.Tenancy.Branding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Branding;

/// <summary>The tenant's branding: read it, replace it, and preview the login page with draft values.</summary>
internal static class BrandingApi
{
    public static void MapBrandingApi(this RouteGroupBuilder api)
    {
        var branding = api.MapGroup("branding").WithTags("Branding");
        branding.MapGet(string.Empty, GetAsync)
            .WithSummary("Get the tenant's branding")
            .WithDescription("The name (the tenant's display name), logo URL, colours and custom CSS the hosted pages show.");
        branding.MapPut(string.Empty, UpdateAsync)
            .WithSummary("Replace the tenant's branding")
            .WithDescription("Sets the logo URL (absolute https), the primary, accent, background and text colours (#rgb or #rrggbb) and the "
                + "custom CSS (a safe subset, at most 8 KB). Every field is replaced; an omitted one goes back to its default. Invalid input "
                + "is refused with a 400 naming each field (for CSS, the line and the property) and nothing is saved. The hosted pages of "
                + "this node show the change at once. Audited as admin.branding.updated with the values before and after.");
        branding.MapPost("preview", PreviewAsync)
            .WithSummary("Preview the login page with draft branding")
            .WithDescription("Renders the hosted sign-in page's look (the real layout) with the posted values, without saving them, and "
                + "returns the HTML. Values that would be refused are left out (a bad colour shows the default, the custom CSS keeps its "
                + "safe part). The response's CSP allows no script and no form, sandboxes the document and lets only this server's own "
                + "pages frame it.");
    }

    private static async Task<Ok<BrandingResource>> GetAsync(BrandingSettings settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.GetAsync(cancellationToken));

    private static async Task<Results<Ok<BrandingResource>, ValidationProblem>> UpdateAsync(BrandingInput input, BrandingSettings settings,
        CancellationToken cancellationToken)
    {
        var (saved, problems) = await settings.UpdateAsync(input, cancellationToken);
        return saved is null ? TypedResults.ValidationProblem(problems) : TypedResults.Ok(saved);
    }

    private static async Task<ContentHttpResult> PreviewAsync(BrandingInput input, IBrandingPreview preview, HttpContext context,
        CancellationToken cancellationToken)
    {
        var html = await preview.RenderLoginPageAsync(context, input.ToBranding(), cancellationToken);
        SandboxedPreview.Mark(context);
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
