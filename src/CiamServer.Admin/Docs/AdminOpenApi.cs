using CiamServer.Core.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CiamServer.Admin.Docs;

/// <summary>The admin API's OpenAPI document, generated from its endpoints, and Scalar's reference page over it.
/// Both are anonymous: they describe the API and hold no data, and the page fetches the document from a browser
/// that has no admin token.</summary>
internal static class AdminOpenApi
{
    public const string DocumentName = "ciam-admin";

    public const string Title = "CiamServer admin API";

    public static void AddAdminOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.GroupName == DocumentName;
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
        });

    public static void MapAdminOpenApi(this RouteGroupBuilder api)
    {
        api.WithGroupName(DocumentName);
        api.MapGet("openapi.json", WriteDocumentAsync).AllowAnonymous().ExcludeFromDescription();
        // Scalar's script comes from the package (embedded, served under docs/), not from its CDN; its inline start-up
        // script runs by this response's CSP nonce. What would call Scalar's servers (fonts, telemetry, its AI agent,
        // developer tools, the link to its hosted client) is off. The document's route is relative: Scalar puts the tenant's base before it.
        api.MapScalarApiReference("docs", (options, context) => options
                .WithTitle(Title)
                .AddDocument(DocumentName, Title, "admin/api/openapi.json")
                .WithNonce(ScriptNonce.For(context))
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .HideClientButton())
            .AllowAnonymous();
    }

    /// <summary>The document as this tenant serves it: its server is the tenant's base, so paths resolve.</summary>
    private static async Task<IResult> WriteDocumentAsync(HttpContext context, [FromKeyedServices(DocumentName)] IOpenApiDocumentProvider documents)
    {
        var document = await documents.GetOpenApiDocumentAsync(context.RequestAborted);
        document.Servers = [new OpenApiServer { Url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}" }];
        return TypedResults.Text(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, context.RequestAborted), "application/json");
    }
}
