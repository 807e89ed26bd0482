using System.Security.Cryptography;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Mfa;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiamServer.Mfa.Totp;

/// <summary>Authenticator apps: enrol (a secret the user scans, unconfirmed until they type a code from it), verify
/// codes (each 30-second step accepted once, never one older than the last accepted), remove. The secret is stored
/// encrypted with Data Protection; one authenticator per user.</summary>
public sealed class TotpService(
    CiamDbContext db,
    IDataProtectionProvider dataProtection,
    ITenantContext tenants,
    IOptions<MfaOptions> options,
    TimeProvider clock,
    IAuditLog audit,
    IHttpContextAccessor http,
    ILogger<TotpService> logger)
{
    public const string ProtectorPurpose = "CiamServer.Mfa.Totp";

    private readonly IDataProtector protector = dataProtection.CreateProtector(ProtectorPurpose);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private int Window => options.Value.Totp.ClockWindowSteps;

    /// <summary>A new secret for <paramref name="user"/>, stored unconfirmed in place of any earlier unconfirmed
    /// one. Refused (InvalidOperationException) while a confirmed authenticator exists: remove that first.</summary>
    public async Task<TotpEnrolment> BeginEnrolmentAsync(CiamUser user, CancellationToken cancellationToken)
    {
        if (await IsEnrolledAsync(user.Id, cancellationToken))
        {
            throw new InvalidOperationException("The user already has an authenticator app; remove it before enrolling another.");
        }

        var secret = TotpMath.NewSecret();
        await db.TotpAuthenticators.Where(t => t.UserId == user.Id && t.ConfirmedAt == null).ExecuteDeleteAsync(cancellationToken);
        db.TotpAuthenticators.Add(new TotpAuthenticator { UserId = user.Id, ProtectedSecret = protector.Protect(secret), CreatedAt = Now });
        await db.SaveChangesAsync(cancellationToken);
        return Enrolment(user, secret);
    }

    /// <summary>The enrolment begun earlier and not yet confirmed (to show the same QR code again), or null.</summary>
    public async Task<TotpEnrolment?> GetPendingEnrolmentAsync(CiamUser user, CancellationToken cancellationToken)
    {
        var pending = await db.TotpAuthenticators.AsNoTracking()
            .SingleOrDefaultAsync(t => t.UserId == user.Id && t.ConfirmedAt == null, cancellationToken);
        return pending is not null && Unprotect(pending) is { } secret ? Enrolment(user, secret) : null;
    }

    /// <summary>Confirms the pending enrolment with a code from the app; its step counts as used.</summary>
    public async Task<bool> ConfirmEnrolmentAsync(CiamUser user, string? code, CancellationToken cancellationToken)
    {
        var pending = await db.TotpAuthenticators.AsNoTracking()
            .SingleOrDefaultAsync(t => t.UserId == user.Id && t.ConfirmedAt == null, cancellationToken);
        if (pending is null || Match(pending, code) is not { } step)
        {
            return false;
        }

        var now = Now;
        var confirmed = await db.TotpAuthenticators
            .Where(t => t.Id == pending.Id && t.ConfirmedAt == null && t.LastUsedStep < step)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ConfirmedAt, now).SetProperty(t => t.LastUsedStep, step), cancellationToken);
        if (confirmed != 1)
        {
            return false;
        }

        logger.TotpChanged("enrolled", user.Id);
        await audit.WriteUserActionAsync(http, user.Id, MfaAuditActions.TotpEnrolled, null, cancellationToken);
        return true;
    }

    /// <summary>True when <paramref name="code"/> is the code of the user's confirmed authenticator for a step within the
    /// window, and that step is later than the last one accepted. The step is recorded in the same UPDATE, so two
    /// requests with one code cannot both pass.</summary>
    public async Task<bool> VerifyAsync(Guid userId, string? code, CancellationToken cancellationToken)
    {
        var authenticator = await db.TotpAuthenticators.AsNoTracking()
            .SingleOrDefaultAsync(t => t.UserId == userId && t.ConfirmedAt != null, cancellationToken);
        if (authenticator is null || Match(authenticator, code) is not { } step)
        {
            return false;
        }

        var accepted = await db.TotpAuthenticators
            .Where(t => t.Id == authenticator.Id && t.LastUsedStep < step)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedStep, step), cancellationToken);
        if (accepted != 1)
        {
            logger.TotpRefused(userId, "code of a step already used");
        }

        return accepted == 1;
    }

    public Task<bool> IsEnrolledAsync(Guid userId, CancellationToken cancellationToken) =>
        db.TotpAuthenticators.AnyAsync(t => t.UserId == userId && t.ConfirmedAt != null, cancellationToken);

    /// <summary>Removes the user's authenticator (confirmed or pending); false when there was none.</summary>
    public async Task<bool> RemoveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var confirmed = await IsEnrolledAsync(userId, cancellationToken);
        var removed = await db.TotpAuthenticators.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return false;
        }

        if (confirmed)
        {
            logger.TotpChanged("removed", userId);
            await audit.WriteUserActionAsync(http, userId, MfaAuditActions.TotpRemoved, null, cancellationToken);
        }

        return true;
    }

    private long? Match(TotpAuthenticator authenticator, string? code) =>
        TotpMath.Normalize(code) is { } digits && Unprotect(authenticator) is { } secret
            ? TotpMath.MatchingStep(secret, digits, clock.GetUtcNow(), Window)
            : null;

    private string? Unprotect(TotpAuthenticator authenticator)
    {
        try
        {
            return protector.Unprotect(authenticator.ProtectedSecret);
        }
        catch (CryptographicException e)
        {
            logger.TotpSecretUnreadable(authenticator.UserId, e);
            return null;
        }
    }

    private TotpEnrolment Enrolment(CiamUser user, string secret)
    {
        var issuer = IssuerName();
        var account = user.Email ?? user.PhoneNumber ?? user.UserName ?? user.Id.ToString();
        var uri = OtpAuthUri.For(issuer, account, secret);
        return new TotpEnrolment(secret, uri, QrCodes.Svg(uri));
    }

    private string IssuerName()
    {
        var tenantName = tenants.Required.DisplayName;
        return options.Value.Totp.Issuer is { } configured ? configured.Replace("{tenant}", tenantName, StringComparison.Ordinal) : tenantName;
    }
}
