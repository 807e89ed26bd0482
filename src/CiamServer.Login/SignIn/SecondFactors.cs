using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Passwordless.Sms;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Login.SignIn;

/// <summary>The second factors a user can use at this tenant: enrolled, and allowed by the tenant's policy.</summary>
public sealed class SecondFactors(CiamDbContext db, ITenantContext tenants, ISmsSender sms)
{
    /// <param name="user">The account.</param>
    /// <param name="firstFactor">The methods of the first factor: a code by email (or text) cannot also be the
    /// second factor, which must be independent of the first.</param>
    /// <param name="cancellationToken">Aborts the queries.</param>
    public async Task<UserFactors> OfAsync(CiamUser user, IReadOnlyCollection<string> firstFactor, CancellationToken cancellationToken)
    {
        var policy = tenants.Required.Mfa;
        var totp = policy.AllowTotp && await db.TotpAuthenticators.AnyAsync(t => t.UserId == user.Id && t.ConfirmedAt != null, cancellationToken);
        var recovery = await db.RecoveryCodes.AnyAsync(c => c.UserId == user.Id && c.UsedAt == null, cancellationToken);
        var passkey = policy.AllowWebAuthn && await db.PasskeyCredentials.AnyAsync(p => p.UserId == user.Id, cancellationToken);
        var firstWasEmailCode = firstFactor.Contains("otp", StringComparer.Ordinal) && !firstFactor.Contains("sms", StringComparer.Ordinal);
        var email = policy.AllowEmail && user.EmailConfirmed && user.Email is not null && !firstWasEmailCode;
        var text = policy.AllowSms && user.PhoneNumberConfirmed && user.PhoneNumber is not null && sms.IsConfigured
            && !firstFactor.Contains("sms", StringComparer.Ordinal);
        return new UserFactors(totp, recovery, passkey, email, text);
    }
}

/// <summary>Which second factors a user has. Recovery codes stand in for a lost factor; alone they are none.</summary>
public sealed record UserFactors(bool Totp, bool RecoveryCodes, bool Passkey, bool Email, bool Sms)
{
    public bool Any => Totp || Passkey || Email || Sms;
}
