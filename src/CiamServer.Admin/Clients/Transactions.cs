using CiamServer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Admin.Clients;

/// <summary>Admin writes that touch several rows run in one transaction: all or nothing.</summary>
internal static class Transactions
{
    public static Task<T> InTransactionAsync<T>(this CiamDbContext db, Func<Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            if (commit(result))
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        });
    }
}
