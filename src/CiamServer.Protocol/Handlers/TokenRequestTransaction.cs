using CiamServer.Core.Data;
using Microsoft.EntityFrameworkCore.Storage;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CiamServer.Protocol.Handlers;

/// <summary>Runs a token request's writes in one database transaction: redeeming a refresh token and
/// storing its replacement commit together, so a failure in between never leaves a client with a
/// consumed token and no new one. Committed just before the response is written, whatever it says:
/// a reuse that revoked a token family must stick.</summary>
internal static class TokenRequestTransaction
{
    private const string TransactionKey = "ciam:token-transaction";

    public static OpenIddictServerHandlerDescriptor BeginDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseScopedHandler<Begin>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictServerHandlerDescriptor CommitDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseScopedHandler<Commit>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    internal sealed class Begin(CiamDbContext db) : IOpenIddictServerHandler<ProcessRequestContext>
    {
        public async ValueTask HandleAsync(ProcessRequestContext context)
        {
            if (context.EndpointType == OpenIddictServerEndpointType.Token && db.Database.CurrentTransaction is null)
            {
                context.Transaction.Properties[TransactionKey] = await db.Database.BeginTransactionAsync(context.CancellationToken);
            }
        }
    }

    internal sealed class Commit : IOpenIddictServerHandler<ApplyTokenResponseContext>
    {
        public async ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            if (context.Transaction.Properties.Remove(TransactionKey, out var value) && value is IDbContextTransaction transaction)
            {
                await using (transaction)
                {
                    await transaction.CommitAsync(context.CancellationToken);
                }
            }
        }
    }
}
