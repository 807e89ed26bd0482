using CiamServer.Core.Data;
using CiamServer.Core.Passwordless;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CiamServer.Passwordless.Codes;

/// <summary>Creates, checks and consumes one-time codes and magic links. Every check and the consumption are
/// single SQL statements guarded by their conditions, so two parallel requests cannot both use one code or
/// get more tries than allowed.</summary>
public sealed class OneTimeCodeService(CiamDbContext db, TimeProvider clock, IOptions<PasswordlessOptions> options)
{
    private PasswordlessOptions Settings => options.Value;

    public async Task<IssuedCode> IssueAsync(CodeRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        var code = CodeHashes.NewCode();
        var linkToken = request.WithLink ? CodeHashes.NewSecret() : null;
        var row = new OneTimeCode
        {
            Id = id,
            Purpose = request.Purpose,
            Channel = request.Channel,
            Recipient = request.Recipient,
            CodeHash = CodeHashes.OfCode(id, code),
            LinkHash = linkToken is null ? null : CodeHashes.OfSecret(linkToken),
            BrowserHash = CodeHashes.OfSecret(request.BrowserSecret),
            ReturnUrl = request.ReturnUrl,
            CreatedAt = now,
            ExpiresAt = now + Settings.CodeLifetime,
        };
        db.OneTimeCodes.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedCode(row, code, linkToken);
    }

    /// <summary>The pending code of this browser, or null (unknown, another tenant's, another browser's).</summary>
    public async Task<OneTimeCode?> FindForBrowserAsync(Guid id, string? browserSecret, CancellationToken cancellationToken)
    {
        if (browserSecret is null)
        {
            return null;
        }

        var row = await db.OneTimeCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return row is not null && CodeHashes.Matches(row.BrowserHash, CodeHashes.OfSecret(browserSecret)) ? row : null;
    }

    /// <summary>Checks a typed code. The try is counted first, in one statement that also refuses a used,
    /// expired or exhausted code; only then is the code compared.</summary>
    public async Task<CodeCheck> CheckCodeAsync(OneTimeCode row, string code, CancellationToken cancellationToken)
    {
        if (StateOf(row) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var max = Settings.MaxAttemptsPerCode;
        var counted = await db.OneTimeCodes
            .Where(c => c.Id == row.Id && c.ConsumedAt == null && c.Attempts < max && c.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
        if (counted == 0)
        {
            return StateOf(await ReloadAsync(row.Id, cancellationToken)) ?? CodeCheck.TooManyTries;
        }

        if (!CodeHashes.Matches(row.CodeHash, CodeHashes.OfCode(row.Id, code)))
        {
            return row.Attempts + 1 >= max ? CodeCheck.TooManyTries : CodeCheck.Wrong;
        }

        return await ConsumeAsync(row.Id, cancellationToken) ? CodeCheck.Accepted : CodeCheck.Used;
    }

    /// <summary>The code a magic link belongs to, or null when no link has this token.</summary>
    public async Task<OneTimeCode?> FindByLinkAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = CodeHashes.OfSecret(token);
        return await db.OneTimeCodes.AsNoTracking().SingleOrDefaultAsync(c => c.LinkHash == hash, cancellationToken);
    }

    public static bool IsSameBrowser(OneTimeCode row, string? browserSecret) =>
        browserSecret is not null && CodeHashes.Matches(row.BrowserHash, CodeHashes.OfSecret(browserSecret));

    /// <summary>Uses a magic link: true for exactly one caller, while the link is unused and unexpired.</summary>
    public async Task<CodeCheck> UseLinkAsync(OneTimeCode row, CancellationToken cancellationToken) =>
        StateOf(row) ?? (await ConsumeAsync(row.Id, cancellationToken) ? CodeCheck.Accepted : CodeCheck.Used);

    /// <summary>Why a code can no longer be used, or null while it can.</summary>
    public CodeCheck? StateOf(OneTimeCode? row) => row switch
    {
        null => CodeCheck.Used,
        { ConsumedAt: not null } => CodeCheck.Used,
        _ when row.ExpiresAt <= clock.GetUtcNow().UtcDateTime => CodeCheck.Expired,
        _ when row.Attempts >= Settings.MaxAttemptsPerCode => CodeCheck.TooManyTries,
        _ => null,
    };

    private async Task<bool> ConsumeAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OneTimeCodes
            .Where(c => c.Id == id && c.ConsumedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken) == 1;
    }

    private Task<OneTimeCode?> ReloadAsync(Guid id, CancellationToken cancellationToken) =>
        db.OneTimeCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Deletes codes that expired more than a day ago (kept that long to answer "expired", not "unknown").</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(1);
        return db.OneTimeCodes.IgnoreQueryFilters().Where(c => c.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

public sealed record CodeRequest(
    OneTimeCodePurpose Purpose,
    OneTimeCodeChannel Channel,
    string Recipient,
    string ReturnUrl,
    string BrowserSecret,
    bool WithLink);

/// <summary>A new code: the row, and the secrets to send, which are never stored.</summary>
public sealed record IssuedCode(OneTimeCode Row, string Code, string? LinkToken);

public enum CodeCheck
{
    Accepted,
    Wrong,
    TooManyTries,
    Expired,
    Used,
}
