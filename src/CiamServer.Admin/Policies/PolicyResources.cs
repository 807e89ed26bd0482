using CiamServer.Core.Tenancy;

namespace CiamServer.Admin.Policies;

// The policy groups as the admin API shows and takes them: the same field names as the import file. A PUT replaces
// a whole group, so every field of its input is required (null: left out).

/// <summary>All of a tenant's policies, and whether text messages can be sent at all (smsCode and allowSms need it).</summary>
public sealed record PoliciesResource(PasswordPolicyResource Password, SignInPolicyResource SignIn, MfaPolicyResource Mfa, RiskPolicyResource Risk,
    SessionPolicyResource Sessions, bool SmsConfigured)
{
    public static PoliciesResource From(Tenant tenant, bool smsConfigured) => new(
        PasswordPolicyResource.From(tenant.PasswordPolicy),
        SignInPolicyResource.From(tenant.SignIn),
        MfaPolicyResource.From(tenant.Mfa),
        RiskPolicyResource.From(tenant.Risk),
        SessionPolicyResource.From(tenant.SessionPolicy),
        smsConfigured);
}

/// <summary>Passwords: at least <c>MinLength</c> characters (8 to 64); <c>MaxLength</c> (the longest accepted) is fixed.</summary>
public sealed record PasswordPolicyResource(int MinLength, int MaxLength)
{
    public static PasswordPolicyResource From(TenantPasswordPolicy policy) => new(policy.MinLength, TenantPasswordPolicy.MaximumLength);
}

public sealed record PasswordPolicyInput(int? MinLength);

/// <summary>Which ways of signing in the login page offers.</summary>
public sealed record SignInPolicyResource(bool Password, bool EmailLink, bool EmailCode, bool SmsCode, bool Passkey, bool PasskeyRecoveryByEmail,
    bool RequirePasskeyAttestation)
{
    public static SignInPolicyResource From(TenantSignInPolicy p) =>
        new(p.Password, p.EmailLink, p.EmailCode, p.SmsCode, p.Passkey, p.PasskeyRecoveryByEmail, p.RequirePasskeyAttestation);
}

public sealed record SignInPolicyInput(bool? Password, bool? EmailLink, bool? EmailCode, bool? SmsCode, bool? Passkey, bool? PasskeyRecoveryByEmail,
    bool? RequirePasskeyAttestation);

/// <summary>When a second factor is asked for (mode: off, optional, required or adaptive) and which factors count.</summary>
public sealed record MfaPolicyResource(string Mode, IReadOnlyList<string> RequiredForRoles, bool AllowTotp, bool AllowWebAuthn, bool AllowSms, bool AllowEmail,
    int RememberDeviceDays)
{
    public static MfaPolicyResource From(TenantMfaPolicy p) =>
        new(TenantPolicyRules.MfaModeName(p.Mode), [.. p.RolesRequiringMfa], p.AllowTotp, p.AllowWebAuthn, p.AllowSms, p.AllowEmail, p.RememberDeviceDays);

    /// <summary>Records compare lists by reference; two views of the same policy are equal when their values are.</summary>
    public bool SameAs(MfaPolicyResource other) =>
        this with { RequiredForRoles = [] } == other with { RequiredForRoles = [] } && RequiredForRoles.SequenceEqual(other.RequiredForRoles, StringComparer.Ordinal);
}

public sealed record MfaPolicyInput(string? Mode, List<string?>? RequiredForRoles, bool? AllowTotp, bool? AllowWebAuthn, bool? AllowSms, bool? AllowEmail,
    int? RememberDeviceDays);

/// <summary>Risk score thresholds: allow below stepUpAt, ask for a second factor from it, refuse from denyAt (101: never).</summary>
public sealed record RiskPolicyResource(int StepUpAt, int DenyAt)
{
    public static RiskPolicyResource From(TenantRiskPolicy p) => new(p.StepUpAt, p.DenyAt);
}

public sealed record RiskPolicyInput(int? StepUpAt, int? DenyAt);

/// <summary>Session lifetimes in minutes: ended after idling this long, and after the absolute lifetime in any case.</summary>
public sealed record SessionPolicyResource(int IdleTimeoutMinutes, int AbsoluteLifetimeMinutes)
{
    public static SessionPolicyResource From(TenantSessionPolicy p) => new(p.IdleTimeoutMinutes, p.AbsoluteLifetimeMinutes);
}

public sealed record SessionPolicyInput(int? IdleTimeoutMinutes, int? AbsoluteLifetimeMinutes);

/// <summary>A policy change: the group as saved, or the field errors (field: sentence fragments) that refused it.</summary>
public sealed record PolicyUpdate<T>(T? Saved, IReadOnlyDictionary<string, string[]> Errors)
    where T : class
{
    public bool Succeeded => Errors.Count == 0;
}
