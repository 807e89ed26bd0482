using System.Linq.Expressions;
using CiamServer.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Core.Data;

/// <summary>Adds <c>row.TenantId == context.CurrentTenantId</c> to every tenant-owned entity type.</summary>
internal static class TenantQueryFilters
{
    public static void Apply(ModelBuilder builder, CiamDbContext context)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
            {
                builder.Entity(entityType.ClrType).HasQueryFilter(BuildFilter(entityType.ClrType, context));
            }
        }
    }

    private static LambdaExpression BuildFilter(Type entityType, CiamDbContext context)
    {
        var row = Expression.Parameter(entityType, "row");
        var rowTenant = Expression.Property(row, nameof(ITenantOwned.TenantId));
        // Referencing the context instance (not a captured value) makes EF read the tenant per query.
        var currentTenant = Expression.Property(Expression.Constant(context), nameof(CiamDbContext.CurrentTenantId));
        return Expression.Lambda(Expression.Equal(rowTenant, currentTenant), row);
    }
}
