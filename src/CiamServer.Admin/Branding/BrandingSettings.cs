using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Tenancy.Branding;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Admin.Branding;

/// <summary>Reads and changes the current tenant's branding, for the admin API and the console alike. A change is
/// validated in full (<see cref="BrandingRules"/>: nothing is stored when any field is wrong), saved, dropped from
/// the tenant cache so this node's pages show it at once (other nodes within the cache lifetime), and audited.</summary>
public sealed class BrandingSettings(CiamDbContext db, ITenantContext tenants, ITenantDirectory directory, AdminAudit audit)
{
    public const string UpdatedAction = "admin.branding.updated";

    public async Task<BrandingResource> GetAsync(CancellationToken cancellationToken) =>
        BrandingResource.From(await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenants.Required.Id, cancellationToken));

    /// <summary>The saved branding, or the problems by field (camelCase names) when the input is not valid.</summary>
    public async Task<(BrandingResource? Saved, Dictionary<string, string[]> Problems)> UpdateAsync(BrandingInput input, CancellationToken cancellationToken)
    {
        var branding = input.ToBranding();
        var problems = BrandingRules.Validate(branding);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenants.Required.Id, cancellationToken);
        var before = BrandingResource.From(tenant);
        tenant.Branding = branding;
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(tenant.Slug);
        var after = BrandingResource.From(tenant);
        await audit.WriteAsync(UpdatedAction, "tenant", tenant.Id.ToString(), AdminAudit.Change(before, after), cancellationToken);
        return (after, problems);
    }
}
