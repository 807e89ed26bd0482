using CiamServer.Admin.Access;
using CiamServer.Admin.Console;
using CiamServer.Admin.Tenants;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenants;

/// <summary>Upload an import document: validated at once (problems listed, nothing written), then imported in the
/// background while <see cref="ImportJobModel"/> shows the progress.</summary>
[SuperAdminOnly]
public sealed class ImportModel(TenantImportJobs jobs) : ConsolePageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a JSON file in the import format.");
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        var result = await jobs.SubmitAsync(stream, cancellationToken);
        if (result.Outcome != TenantOutcome.Done)
        {
            ModelState.AddModelError(nameof(Upload), "The file was refused and nothing was written; see the problems below.");
            Problems = [.. result.Errors!.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))];
            return Page();
        }

        return Redirect($"{Request.PathBase}/console/tenants/import/{result.Value!.Id}");
    }
}
