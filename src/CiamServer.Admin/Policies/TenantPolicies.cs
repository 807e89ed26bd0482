using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Passwordless.Sms;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Admin.Policies;

/// <summary>The current tenant's policies (password, sign-in methods, MFA, risk thresholds, session lifetimes), read
/// and changed one group at a time, for the admin API and console alike. Values follow the import file's rules
/// (<see cref="TenantPolicyRules"/>) plus what only a running server can check (an SMS provider, the tenant's roles).
/// A saved change drops the cached tenant so the next request on this node sees it, and is audited as
/// admin.policies.updated with before and after.</summary>
public sealed class TenantPolicies(CiamDbContext db, ITenantContext tenants, ITenantDirectory directory, ISmsSender sms, AdminAudit audit)
{
    public const string AuditAction = "admin.policies.updated";

    public async Task<PoliciesResource> GetAsync(CancellationToken cancellationToken)
    {
        // From the database rather than the request's cached copy: an admin reads what is stored.
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenants.Required.Id, cancellationToken);
        return PoliciesResource.From(tenant, sms.IsConfigured);
    }

    public Task<PolicyUpdate<PasswordPolicyResource>> UpdatePasswordAsync(PasswordPolicyInput input, CancellationToken cancellationToken)
    {
        var errors = new PolicyErrors();
        errors.RequireAll(("minLength", input.MinLength));
        errors.Add(TenantPolicyRules.Password(input.MinLength));
        return SaveAsync("password", errors, t => PasswordPolicyResource.From(t.PasswordPolicy), t => t.PasswordPolicy.MinLength = input.MinLength!.Value,
            (a, b) => a == b, cancellationToken);
    }

    public Task<PolicyUpdate<SignInPolicyResource>> UpdateSignInAsync(SignInPolicyInput input, CancellationToken cancellationToken)
    {
        var errors = new PolicyErrors("signIn");
        errors.RequireAll(("password", input.Password), ("emailLink", input.EmailLink), ("emailCode", input.EmailCode), ("smsCode", input.SmsCode),
            ("passkey", input.Passkey), ("passkeyRecoveryByEmail", input.PasskeyRecoveryByEmail), ("requirePasskeyAttestation", input.RequirePasskeyAttestation));
        if (errors.Count == 0)
        {
            if (input.SmsCode == true && !sms.IsConfigured)
            {
                errors.Add("smsCode", NoSmsProvider);
            }

            errors.Add(TenantPolicyRules.SignIn(input.Password!.Value, input.EmailLink!.Value, input.EmailCode!.Value,
                input.SmsCode!.Value && sms.IsConfigured, input.Passkey!.Value));
        }

        return SaveAsync("sign-in", errors, t => SignInPolicyResource.From(t.SignIn), t =>
        {
            t.SignIn.Password = input.Password!.Value;
            t.SignIn.EmailLink = input.EmailLink!.Value;
            t.SignIn.EmailCode = input.EmailCode!.Value;
            t.SignIn.SmsCode = input.SmsCode!.Value;
            t.SignIn.Passkey = input.Passkey!.Value;
            t.SignIn.PasskeyRecoveryByEmail = input.PasskeyRecoveryByEmail!.Value;
            t.SignIn.RequirePasskeyAttestation = input.RequirePasskeyAttestation!.Value;
        }, (a, b) => a == b, cancellationToken);
    }

    public async Task<PolicyUpdate<MfaPolicyResource>> UpdateMfaAsync(MfaPolicyInput input, CancellationToken cancellationToken)
    {
        var errors = new PolicyErrors("mfa");
        errors.RequireAll(("mode", input.Mode), ("requiredForRoles", input.RequiredForRoles), ("allowTotp", input.AllowTotp), ("allowWebAuthn", input.AllowWebAuthn),
            ("allowSms", input.AllowSms), ("allowEmail", input.AllowEmail), ("rememberDeviceDays", input.RememberDeviceDays));
        errors.Add(TenantPolicyRules.Mfa(input.Mode, input.RequiredForRoles, input.RememberDeviceDays));
        var roles = (input.RequiredForRoles ?? []).OfType<string>().Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (errors.Count == 0)
        {
            await CheckMfaAsync(input, roles, errors, cancellationToken);
        }

        return await SaveAsync("mfa", errors, t => MfaPolicyResource.From(t.Mfa), t =>
        {
            t.Mfa.Mode = TenantPolicyRules.ParseMfaMode(input.Mode)!.Value;
            t.Mfa.RequiredForRoles = roles.Count > 0 ? string.Join(',', roles) : null;
            t.Mfa.AllowTotp = input.AllowTotp!.Value;
            t.Mfa.AllowWebAuthn = input.AllowWebAuthn!.Value;
            t.Mfa.AllowSms = input.AllowSms!.Value;
            t.Mfa.AllowEmail = input.AllowEmail!.Value;
            t.Mfa.RememberDeviceDays = input.RememberDeviceDays!.Value;
        }, (a, b) => a.SameAs(b), cancellationToken);
    }

    public Task<PolicyUpdate<RiskPolicyResource>> UpdateRiskAsync(RiskPolicyInput input, CancellationToken cancellationToken)
    {
        var errors = new PolicyErrors("risk");
        errors.RequireAll(("stepUpAt", input.StepUpAt), ("denyAt", input.DenyAt));
        if (errors.Count == 0)
        {
            errors.Add(TenantPolicyRules.Risk(input.StepUpAt!.Value, input.DenyAt!.Value));
        }

        return SaveAsync("risk", errors, t => RiskPolicyResource.From(t.Risk), t =>
        {
            t.Risk.StepUpAt = input.StepUpAt!.Value;
            t.Risk.DenyAt = input.DenyAt!.Value;
        }, (a, b) => a == b, cancellationToken);
    }

    public Task<PolicyUpdate<SessionPolicyResource>> UpdateSessionsAsync(SessionPolicyInput input, CancellationToken cancellationToken)
    {
        var errors = new PolicyErrors();
        errors.RequireAll(("idleTimeoutMinutes", input.IdleTimeoutMinutes), ("absoluteLifetimeMinutes", input.AbsoluteLifetimeMinutes));
        errors.Add(TenantPolicyRules.Session(input.IdleTimeoutMinutes, input.AbsoluteLifetimeMinutes));
        if (errors.Count == 0 && input.IdleTimeoutMinutes > input.AbsoluteLifetimeMinutes)
        {
            // Harmless but meaningless: a session never idles longer than it lives.
            errors.Add("idleTimeoutMinutes", "must not be above absoluteLifetimeMinutes.");
        }

        return SaveAsync("sessions", errors, t => SessionPolicyResource.From(t.SessionPolicy), t =>
        {
            t.SessionPolicy.IdleTimeoutMinutes = input.IdleTimeoutMinutes!.Value;
            t.SessionPolicy.AbsoluteLifetimeMinutes = input.AbsoluteLifetimeMinutes!.Value;
        }, (a, b) => a == b, cancellationToken);
    }

    private const string NoSmsProvider = "needs an SMS provider, and this server has none configured (Ciam:Passwordless:Sms).";

    /// <summary>What the import cannot know: whether text messages can be sent, which roles exist, and that a mode
    /// asking for a second factor leaves at least one factor to give.</summary>
    private async Task CheckMfaAsync(MfaPolicyInput input, List<string> roles, PolicyErrors errors, CancellationToken cancellationToken)
    {
        if (input.AllowSms == true && !sms.IsConfigured)
        {
            errors.Add("allowSms", NoSmsProvider);
        }

        var asks = TenantPolicyRules.ParseMfaMode(input.Mode) != MfaMode.Off || roles.Count > 0;
        if (asks && input is { AllowTotp: false, AllowWebAuthn: false, AllowEmail: false } && !(input.AllowSms == true && sms.IsConfigured))
        {
            errors.Add(string.Empty, "must allow at least one second factor (allowTotp, allowWebAuthn, allowSms or allowEmail) unless mode is off and no role requires one.");
        }

        var normalized = roles.Select(r => r.ToUpperInvariant()).ToList();
        var existing = await db.Roles.AsNoTracking().Where(r => normalized.Contains(r.NormalizedName!)).Select(r => r.NormalizedName!).ToListAsync(cancellationToken);
        foreach (var missing in roles.Where(r => !existing.Contains(r.ToUpperInvariant(), StringComparer.Ordinal)))
        {
            errors.Add("requiredForRoles", $"'{missing}' is not one of the tenant's roles.");
        }
    }

    /// <summary>Saves one group: applies the change to the stored tenant, and only when it changes anything saves it,
    /// drops the cached tenant and writes the audit entry (after the save).</summary>
    private async Task<PolicyUpdate<T>> SaveAsync<T>(string group, PolicyErrors errors, Func<Tenant, T> view, Action<Tenant> apply, Func<T, T, bool> same,
        CancellationToken cancellationToken)
        where T : class
    {
        if (errors.Count > 0)
        {
            return new PolicyUpdate<T>(null, errors.ToDictionary());
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenants.Required.Id, cancellationToken);
        var before = view(tenant);
        apply(tenant);
        var after = view(tenant);
        if (same(before, after))
        {
            return new PolicyUpdate<T>(after, new Dictionary<string, string[]>());
        }

        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(tenant.Slug);
        await audit.WriteAsync(AuditAction, "policy", group, AdminAudit.Change(before, after), cancellationToken);
        return new PolicyUpdate<T>(after, new Dictionary<string, string[]>());
    }
}
