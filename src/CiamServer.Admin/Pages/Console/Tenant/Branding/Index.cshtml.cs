using CiamServer.Admin.Branding;
using CiamServer.Admin.Console;
using CiamServer.Core.Infrastructure;
using CiamServer.Core.Tenancy.Branding;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Branding;

/// <summary>The tenant's logo, colours and custom CSS, with a live preview of the sign-in page. The form works without
/// JavaScript ("Preview" posts the draft into the preview frame; "Save" posts, then redirects); a small script
/// refreshes the preview as the admin types and keeps each colour picker and its text field in step.</summary>
public sealed class IndexModel(BrandingSettings settings, IBrandingPreview preview) : TenantConsolePageModel
{
    [BindProperty]
    public BrandingForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Input = BrandingForm.From(await settings.GetAsync(cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (saved, problems) = await settings.UpdateAsync(Input.ToInput(), cancellationToken);
        if (saved is null)
        {
            foreach (var (field, messages) in problems)
            {
                messages.ToList().ForEach(m => ModelState.AddModelError(BrandingForm.FieldName(field), m));
            }

            return Page();
        }

        StatusMessage = "Branding saved. The sign-in pages show it now.";
        return RedirectToPage(new { tenant = Tenant.Slug });
    }

    /// <summary>The preview frame's first content: the saved branding.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(CancellationToken cancellationToken) =>
        await PreviewAsync(BrandingForm.From(await settings.GetAsync(cancellationToken)).ToInput(), cancellationToken);

    /// <summary>The draft in the form, shown in the preview frame and never saved.</summary>
    public Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken) => PreviewAsync(Input.ToInput(), cancellationToken);

    private async Task<IActionResult> PreviewAsync(BrandingInput draft, CancellationToken cancellationToken)
    {
        var html = await preview.RenderLoginPageAsync(HttpContext, draft.ToBranding(), cancellationToken);
        SandboxedPreview.Mark(HttpContext);
        return Content(html, "text/html; charset=utf-8");
    }
}
