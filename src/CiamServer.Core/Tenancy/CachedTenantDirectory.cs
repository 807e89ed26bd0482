using CiamServer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Core.Tenancy;

/// <summary>Tenant look-ups happen on every request, so they are cached briefly; a tenant changed on
/// another node is seen here after <see cref="CacheLifetime"/> at most.</summary>
internal sealed class CachedTenantDirectory(IMemoryCache cache, IServiceScopeFactory scopes) : ITenantDirectory
{
    internal static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    public async ValueTask<Tenant?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        if (!TenantSlug.IsValid(slug))
        {
            return null;
        }

        if (cache.TryGetValue(CacheKey(slug), out Tenant? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        // Only tenants that exist are cached: caching misses would let anyone fill the memory with made-up slugs.
        if (tenant is not null)
        {
            cache.Set(CacheKey(slug), tenant, CacheLifetime);
        }

        return tenant;
    }

    public void Invalidate(string slug) => cache.Remove(CacheKey(slug));

    private static string CacheKey(string slug) => "ciam:tenant:" + slug;
}
