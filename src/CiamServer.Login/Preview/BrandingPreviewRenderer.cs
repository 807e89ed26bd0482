using CiamServer.Core.Tenancy;
using CiamServer.Core.Tenancy.Branding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Login.Preview;

/// <summary>Renders <c>Pages/Shared/_BrandingPreview.cshtml</c> in the hosted pages' real layout with a draft
/// branding. The draft reaches the layout through the view data of this one rendering only: it is never stored, and
/// no other request can see it.</summary>
internal sealed class BrandingPreviewRenderer(IRazorViewEngine views, ITempDataProvider tempData, ITenantContext tenants) : IBrandingPreview
{
    private const string ViewPath = "/Pages/Shared/_BrandingPreview.cshtml";

    public async Task<string> RenderLoginPageAsync(HttpContext context, TenantBranding draft, CancellationToken cancellationToken)
    {
        var action = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
        var found = views.GetView(executingFilePath: null, ViewPath, isMainPage: true);
        var view = found.View ?? throw new InvalidOperationException($"The view {ViewPath} is missing.");
        var data = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            [Pages.Shared.Branding.PreviewKey] = Pages.Shared.Branding.From(tenants.Required.DisplayName, draft),
        };
        await using var writer = new StringWriter();
        var viewContext = new ViewContext(action, view, data, new TempDataDictionary(context, tempData), writer, new HtmlHelperOptions());
        await view.RenderAsync(viewContext);
        return writer.ToString();
    }
}
