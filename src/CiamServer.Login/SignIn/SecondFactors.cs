using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Mfa;
using CiamServer.Passwordless.Sms;

namespace CiamServer.Login.SignIn;

/// <summary>The second factors a user can use at this tenant: what the user has (<see cref="MfaFactorService"/>),
/// filtered by what the tenant's policy allows.</summary>
public sealed class SecondFactors(MfaFactorService enrolled, ITenantContext tenants, ISmsSender sms)
{
    /// <param name="user">The account.</param>
    /// <param name="firstFactor">The methods of the first factor: a code by email (or text) cannot also be the
    /// second factor, which must be independent of the first.</param>
    /// <param name="cancellationToken">Aborts the queries.</param>
    public async Task<UserFactors> OfAsync(CiamUser user, IReadOnlyCollection<string> firstFactor, CancellationToken cancellationToken)
    {
        var policy = tenants.Required.Mfa;
        var has = await enrolled.GetAsync(user.Id, cancellationToken);
        var firstWasEmailCode = firstFactor.Contains("otp", StringComparer.Ordinal) && !firstFactor.Contains("sms", StringComparer.Ordinal);
        var email = policy.AllowEmail && user.EmailConfirmed && user.Email is not null && !firstWasEmailCode;
        var text = policy.AllowSms && user.PhoneNumberConfirmed && user.PhoneNumber is not null && sms.IsConfigured
            && !firstFactor.Contains("sms", StringComparer.Ordinal);
        return new UserFactors(policy.AllowTotp && has.Totp, has.RecoveryCodesRemaining > 0, policy.AllowWebAuthn && has.Passkeys > 0, email, text);
    }
}

/// <summary>Which second factors a user has. Recovery codes stand in for a lost factor; alone they are none.</summary>
public sealed record UserFactors(bool Totp, bool RecoveryCodes, bool Passkey, bool Email, bool Sms)
{
    public bool Any => Totp || Passkey || Email || Sms;
}
