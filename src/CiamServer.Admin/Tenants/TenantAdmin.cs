using System.Text;
using CiamServer.Core.Administration;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CiamServer.Admin.Tenants;

/// <summary>Tenants as a super-admin manages them: list, create, rename, disable and enable. Deleting is
/// <see cref="TenantDeletion"/>; export and import are <see cref="TenantExporter"/> and <see cref="TenantImportJobs"/>.
/// The API and the console pages both call this class. Runs in the admin tenant and names its target by slug.</summary>
public sealed class TenantAdmin(CiamDbContext db, ITenantDirectory directory, TargetTenants scopes, IOptions<AdminOptions> options)
{

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int DisplayNameMaxLength = 200;

    /// <summary>The built-in tenant of the administrators (<c>Ciam:Admin:TenantSlug</c>): it cannot be disabled or deleted.</summary>
    public string AdminTenantSlug => options.Value.TenantSlug;

    /// <summary>Slugs no new tenant may take (nor an import write to): the admin tenant's (the configured one and
    /// "admin"), and "import", which the API's <c>tenants/import</c> route would shadow.</summary>
    public static bool IsReserved(string slug, AdminOptions options) => slug is "admin" or "import" || slug == options.TenantSlug;

    public async Task<TenantResult<TenantPage>> ListAsync(int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            return TenantResult<TenantPage>.Invalid("limit", $"must be between 1 and {MaxPageSize}.");
        }

        string? after = null;
        if (cursor is not null && (after = DecodeCursor(cursor)) is null)
        {
            return TenantResult<TenantPage>.Invalid("cursor", "is not a cursor this list returned.");
        }

        // Keyset on the unique slug: ORDER BY and > compare with the same collation, so no row is skipped or repeated.
        var query = db.Tenants.AsNoTracking();
        if (after is not null)
        {
            query = query.Where(t => string.Compare(t.Slug, after) > 0);
        }

        var rows = await query.OrderBy(t => t.Slug).Take(size + 1).ToListAsync(cancellationToken);
        var next = rows.Count > size ? EncodeCursor(rows[size - 1].Slug) : null;
        return TenantResult<TenantPage>.Done(new TenantPage([.. rows.Take(size).Select(t => TenantResource.From(t, AdminTenantSlug))], next));
    }

    public async Task<TenantResource?> GetAsync(string slug, CancellationToken cancellationToken) =>
        await FindAsync(slug, cancellationToken) is { } tenant ? TenantResource.From(tenant, AdminTenantSlug) : null;

    public async Task<TenantResult<TenantResource>> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TenantSlug.IsValid(request.Slug))
        {
            errors["slug"] = [$"must be 1 to {TenantSlug.MaxLength} lower-case letters, digits or dashes, not starting or ending with a dash."];
        }
        else if (IsReserved(request.Slug!, options.Value))
        {
            errors["slug"] = [$"'{request.Slug}' is reserved."];
        }

        if (DisplayNameError(request.DisplayName) is { } nameError)
        {
            errors["displayName"] = [nameError];
        }

        if (errors.Count > 0)
        {
            return TenantResult<TenantResource>.Invalid(errors);
        }

        if (await db.Tenants.AnyAsync(t => t.Slug == request.Slug, cancellationToken))
        {
            return Taken(request.Slug!);
        }

        var tenant = new Tenant { Slug = request.Slug!, DisplayName = request.DisplayName!.Trim() };
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created at the same moment by another call: the unique index on the slug refused this one.
            db.Entry(tenant).State = EntityState.Detached;
            if (await db.Tenants.AnyAsync(t => t.Slug == request.Slug, cancellationToken))
            {
                return Taken(request.Slug!);
            }

            throw;
        }

        await scopes.AuditAsync(tenant, "admin.tenants.created", new { after = TenantResource.From(tenant, AdminTenantSlug) }, cancellationToken);
        return TenantResult<TenantResource>.Done(TenantResource.From(tenant, AdminTenantSlug));
    }

    public async Task<TenantResult<TenantResource>> UpdateAsync(string slug, UpdateTenantRequest request, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (tenant is null)
        {
            return TenantResult<TenantResource>.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Slug is not null && request.Slug != slug)
        {
            errors["slug"] = ["cannot be changed: it is part of the tenant's issuer, which every client and token of the tenant names. Create a new tenant (export and import) instead."];
        }

        if (DisplayNameError(request.DisplayName) is { } nameError)
        {
            errors["displayName"] = [nameError];
        }

        if (errors.Count > 0)
        {
            return TenantResult<TenantResource>.Invalid(errors);
        }

        var before = TenantResource.From(tenant, AdminTenantSlug);
        tenant.DisplayName = request.DisplayName!.Trim();
        if (before.DisplayName == tenant.DisplayName)
        {
            return TenantResult<TenantResource>.Done(before);
        }

        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(slug);
        var after = TenantResource.From(tenant, AdminTenantSlug);
        await scopes.AuditAsync(tenant, "admin.tenants.renamed", AdminAudit.Change(before, after), cancellationToken);
        return TenantResult<TenantResource>.Done(after);
    }

    /// <summary>Disables or enables a tenant. A disabled tenant's issuer (discovery, sign-in, token endpoint,
    /// its admin API) answers 404 at once on this node, within the tenant cache's lifetime on others; its data
    /// and tokens already issued stay as they are.</summary>
    public async Task<TenantResult<TenantResource>> SetEnabledAsync(string slug, bool enabled, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (tenant is null)
        {
            return TenantResult<TenantResource>.NotFound();
        }

        if (!enabled && slug == AdminTenantSlug)
        {
            return TenantResult<TenantResource>.Refused("The admin tenant cannot be disabled: no administrator could sign in.");
        }

        if (tenant.Enabled == enabled)
        {
            return TenantResult<TenantResource>.Done(TenantResource.From(tenant, AdminTenantSlug));
        }

        var before = TenantResource.From(tenant, AdminTenantSlug);
        tenant.Enabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(slug);
        var after = TenantResource.From(tenant, AdminTenantSlug);
        await scopes.AuditAsync(tenant, enabled ? "admin.tenants.enabled" : "admin.tenants.disabled", AdminAudit.Change(before, after), cancellationToken);
        return TenantResult<TenantResource>.Done(after);
    }

    internal Task<Tenant?> FindAsync(string slug, CancellationToken cancellationToken) =>
        TenantSlug.IsValid(slug)
            ? db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken)
            : Task.FromResult<Tenant?>(null);

    private static string? DisplayNameError(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > DisplayNameMaxLength
            ? $"is required (at most {DisplayNameMaxLength} characters)."
            : null;

    private static TenantResult<TenantResource> Taken(string slug) => TenantResult<TenantResource>.Refused($"A tenant '{slug}' already exists.");

    private static string EncodeCursor(string slug) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(slug));

    private static string? DecodeCursor(string cursor)
    {
        try
        {
            var slug = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            return TenantSlug.IsValid(slug) ? slug : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
