namespace CiamServer.Core.Tenancy;

/// <summary>Finds tenants by slug for request routing; answers from a short-lived cache.</summary>
public interface ITenantDirectory
{
    ValueTask<Tenant?> FindBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Drops a cached tenant after a change, so this node sees it at once (others within the cache lifetime).</summary>
    void Invalidate(string slug);
}
