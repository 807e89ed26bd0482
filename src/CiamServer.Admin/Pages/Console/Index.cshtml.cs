using CiamServer.Admin.Console;
using CiamServer.Core.Data;
using TenantEntity = CiamServer.Core.Tenancy.Tenant;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Admin.Pages.Console;

/// <summary>The console's home: the tenants this admin may manage (all for a super-admin), by slug, a page at a time.</summary>
public sealed class IndexModel(CiamDbContext db) : ConsolePageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<TenantEntity> Tenants { get; private set; } = [];

    public string? NextAfter { get; private set; }

    public async Task OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        var query = db.Tenants.AsNoTracking().AsQueryable();
        if (!IsSuperAdmin)
        {
            var granted = Grants.TenantIds.ToList();
            query = query.Where(t => granted.Contains(t.Id));
        }

        if (!string.IsNullOrEmpty(after))
        {
            query = query.Where(t => string.Compare(t.Slug, after) > 0);
        }

        var page = await query.OrderBy(t => t.Slug).Take(PageSize + 1).ToListAsync(cancellationToken);
        Tenants = [.. page.Take(PageSize)];
        NextAfter = page.Count > PageSize ? Tenants[^1].Slug : null;
    }
}
