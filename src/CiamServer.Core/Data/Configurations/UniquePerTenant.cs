using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CiamServer.Core.Data.Configurations;

internal static class UniquePerTenant
{
    /// <summary>Removes the library's index on <paramref name="column"/> and adds one led by the tenant.</summary>
    public static void Replace<T>(
        EntityTypeBuilder<T> builder,
        Expression<Func<T, object?>> column,
        Expression<Func<T, object?>> tenantAndColumn,
        string name,
        bool unique = true)
        where T : class
    {
        var property = builder.Metadata.FindProperty(((MemberExpression)StripConvert(column.Body)).Member.Name)!;
        foreach (var index in builder.Metadata.GetIndexes().Where(i => i.Properties.Count == 1 && i.Properties[0] == property).ToList())
        {
            builder.Metadata.RemoveIndex(index);
        }

        builder.HasIndex(tenantAndColumn).IsUnique(unique).HasDatabaseName(name);
    }

    private static Expression StripConvert(Expression body) => body is UnaryExpression unary ? unary.Operand : body;
}
