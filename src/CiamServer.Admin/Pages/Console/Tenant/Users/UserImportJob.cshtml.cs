using CiamServer.Admin.Console;
using CiamServer.Admin.Users;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Users;

/// <summary>An import's progress; the page refreshes itself (meta refresh, no script) until the job has ended.</summary>
public sealed class UserImportJobModel(UserImportJobs jobs) : TenantConsolePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid JobId { get; set; }

    public UserImportJobView? Job { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Job = await jobs.FindAsync(JobId, cancellationToken);
        return Job is null ? NotFound() : Page();
    }
}
