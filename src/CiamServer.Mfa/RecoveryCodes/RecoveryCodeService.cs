using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Mfa;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiamServer.Mfa.RecoveryCodes;

/// <summary>Single-use recovery codes, for signing in when the authenticator is lost. Stored as hashes; the codes
/// exist in clear only in the answer of <see cref="GenerateAsync"/>, to be shown once.</summary>
public sealed class RecoveryCodeService(
    CiamDbContext db,
    IOptions<MfaOptions> options,
    TimeProvider clock,
    IAuditLog audit,
    IHttpContextAccessor http,
    ILogger<RecoveryCodeService> logger)
{
    /// <summary>A new set of codes (formatted <c>ABCDE-FGHJK</c>), replacing every earlier code of the user, used or not.</summary>
    public async Task<IReadOnlyList<string>> GenerateAsync(Guid userId, CancellationToken cancellationToken)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < options.Value.RecoveryCodes.Count)
        {
            codes.Add(RecoveryCodeFormat.NewCode());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            db.RecoveryCodes.AddRange(codes.Select(code => new RecoveryCode
            {
                UserId = userId,
                CodeHash = RecoveryCodeFormat.Hash(userId, RecoveryCodeFormat.Normalize(code)!),
                CreatedAt = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        await audit.WriteUserActionAsync(http, userId, MfaAuditActions.RecoveryCodesGenerated, new { count = codes.Count }, cancellationToken);
        return [.. codes];
    }

    /// <summary>Uses up one code: true when it is an unused code of this user. Marked used in the same UPDATE that
    /// finds it, so a code works once even when sent twice at the same moment.</summary>
    public async Task<bool> RedeemAsync(Guid userId, string? code, CancellationToken cancellationToken)
    {
        if (RecoveryCodeFormat.Normalize(code) is not { } normalized)
        {
            return false;
        }

        var hash = RecoveryCodeFormat.Hash(userId, normalized);
        var now = clock.GetUtcNow().UtcDateTime;
        var used = await db.RecoveryCodes.Where(c => c.UserId == userId && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (used != 1)
        {
            return false;
        }

        var remaining = await RemainingAsync(userId, cancellationToken);
        logger.RecoveryCodeRedeemed(userId, remaining);
        await audit.WriteUserActionAsync(http, userId, MfaAuditActions.RecoveryCodeRedeemed, new { remaining }, cancellationToken);
        return true;
    }

    /// <summary>Unused codes of the user.</summary>
    public Task<int> RemainingAsync(Guid userId, CancellationToken cancellationToken) =>
        db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken);

    /// <summary>Deletes every code of the user (when the last second factor is removed, codes to skip it make no sense).</summary>
    public async Task<int> DeleteAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        var deleted = await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            await audit.WriteUserActionAsync(http, userId, MfaAuditActions.RecoveryCodesDeleted, new { count = deleted }, cancellationToken);
        }

        return deleted;
    }
}
