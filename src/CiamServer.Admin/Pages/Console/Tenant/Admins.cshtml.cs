using CiamServer.Admin.Access;
using CiamServer.Admin.Console;

namespace CiamServer.Admin.Pages.Console.Tenant;

/// <summary>The administrators of one tenant: its tenant admins and the super-admins.</summary>
public sealed class AdminsModel(AdminGrantDirectory directory) : TenantConsolePageModel
{
    public IReadOnlyList<AdminGrantView> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Roles = await directory.ListAsync(Tenant.Id, cancellationToken);
}
