using CiamServer.Admin.Access;
using CiamServer.Admin.Console;
using CiamServer.Admin.Tenants;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenants;

/// <summary>The progress of an import; the page reloads itself every two seconds until the job has finished.</summary>
[SuperAdminOnly]
public sealed class ImportJobModel(TenantImportJobs jobs) : ConsolePageModel
{
    public TenantImportJobResource Job { get; private set; } = null!;

    public IActionResult OnGet(Guid jobId)
    {
        if (jobs.Find(jobId) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        return Page();
    }
}
