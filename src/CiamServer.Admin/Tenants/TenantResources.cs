using CiamServer.Core.Tenancy;

namespace CiamServer.Admin.Tenants;

/// <summary>A tenant as the admin API shows it. The issuer is <c>{origin}/t/{slug}</c>.</summary>
public sealed record TenantResource(string Slug, string DisplayName, bool Enabled, DateTime CreatedAt, bool IsAdminTenant)
{
    public static TenantResource From(Tenant tenant, string adminTenantSlug) =>
        new(tenant.Slug, tenant.DisplayName, tenant.Enabled, tenant.CreatedAt, tenant.Slug == adminTenantSlug);
}

/// <summary>One page of tenants, by slug; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record TenantPage(IReadOnlyList<TenantResource> Items, string? NextCursor);

/// <summary>A new tenant: its slug (the issuer's path segment, fixed for life) and display name.</summary>
public sealed record CreateTenantRequest(string? Slug, string? DisplayName);

/// <summary>A change of display name. <see cref="Slug"/> may be sent only unchanged: the slug is part of the
/// issuer, so changing it would break every client and token of the tenant.</summary>
public sealed record UpdateTenantRequest(string? DisplayName, string? Slug = null);

/// <summary>What deleting a tenant removes: rows per table (all of the tenant's), and its open sessions, which
/// are ended (their tokens revoked) before anything is deleted.</summary>
public sealed record TenantDeletionPreview(string Slug, string DisplayName, int OpenSessions, IReadOnlyList<TenantRows> Rows)
{
    public int TotalRows => Rows.Sum(r => r.Count);
}

/// <summary>The rows of one table that belong to the tenant.</summary>
public sealed record TenantRows(string Name, string Table, int Count);

/// <summary>The outcome of a tenant change: done, or why not. Field errors become a 400 (API) or ModelState
/// errors (console); a conflict a 409.</summary>
public sealed record TenantResult<T>(T? Value, TenantOutcome Outcome, IDictionary<string, string[]>? Errors = null, string? Conflict = null)
{
    public static TenantResult<T> Done(T value) => new(value, TenantOutcome.Done);

    public static TenantResult<T> NotFound() => new(default, TenantOutcome.NotFound);

    public static TenantResult<T> Invalid(string field, string message) =>
        new(default, TenantOutcome.Invalid, new Dictionary<string, string[]> { [field] = [message] });

    public static TenantResult<T> Invalid(IDictionary<string, string[]> errors) => new(default, TenantOutcome.Invalid, errors);

    public static TenantResult<T> Refused(string conflict) => new(default, TenantOutcome.Conflict, Conflict: conflict);
}

public enum TenantOutcome
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}
