using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Policies;

/// <summary>The tenant's policies: all five groups in one read, each group replaced by its own PUT.</summary>
internal static class PoliciesApi
{
    private const string Saved = " Takes effect at once on this node (within 30 s on others). Audited as admin.policies.updated with before and after; " +
        "a PUT that changes nothing is neither saved nor audited. Field errors: 400 problem JSON.";

    public static void MapPoliciesApi(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("policies").WithTags("Policies");
        policies.MapGet(string.Empty, GetAsync)
            .WithSummary("Read the tenant's policies")
            .WithDescription("Password rules, sign-in methods, MFA, risk thresholds and session lifetimes, with the import file's field names; " +
                "smsConfigured says whether this server can send text messages (smsCode and allowSms need it).");
        policies.MapPut("password", PutPasswordAsync)
            .WithSummary("Replace the password rules")
            .WithDescription("minLength: 8 to 64 (maxLength, 256, is fixed)." + Saved);
        policies.MapPut("sign-in", PutSignInAsync)
            .WithSummary("Replace the allowed sign-in methods")
            .WithDescription("Every field required. At least one way to sign in must remain; passkeys alone are refused (sign-up proves the email " +
                "first); smsCode needs an SMS provider." + Saved);
        policies.MapPut("mfa", PutMfaAsync)
            .WithSummary("Replace the MFA policy")
            .WithDescription("mode: off, optional, required or adaptive; requiredForRoles: names of the tenant's roles; rememberDeviceDays: 0 (off) to " +
                "365; at least one factor allowed when MFA can be asked; allowSms needs an SMS provider." + Saved);
        policies.MapPut("risk", PutRiskAsync)
            .WithSummary("Replace the risk thresholds")
            .WithDescription("stepUpAt and denyAt: 1 to 101 (101: never), stepUpAt not above denyAt. Try them first with POST risk/dry-run." + Saved);
        policies.MapPut("sessions", PutSessionsAsync)
            .WithSummary("Replace the session lifetimes")
            .WithDescription("idleTimeoutMinutes: 1 to 43200, absoluteLifetimeMinutes: 1 to 525600, idle not above absolute. Applies to sessions " +
                "started from now on (absolute) and to every session's next request (idle)." + Saved);
    }

    private static async Task<Ok<PoliciesResource>> GetAsync(TenantPolicies policies, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policies.GetAsync(cancellationToken));

    private static async Task<Results<Ok<PasswordPolicyResource>, ValidationProblem>> PutPasswordAsync(PasswordPolicyInput input, TenantPolicies policies,
        CancellationToken cancellationToken) =>
        Answer(await policies.UpdatePasswordAsync(input, cancellationToken));

    private static async Task<Results<Ok<SignInPolicyResource>, ValidationProblem>> PutSignInAsync(SignInPolicyInput input, TenantPolicies policies,
        CancellationToken cancellationToken) =>
        Answer(await policies.UpdateSignInAsync(input, cancellationToken));

    private static async Task<Results<Ok<MfaPolicyResource>, ValidationProblem>> PutMfaAsync(MfaPolicyInput input, TenantPolicies policies,
        CancellationToken cancellationToken) =>
        Answer(await policies.UpdateMfaAsync(input, cancellationToken));

    private static async Task<Results<Ok<RiskPolicyResource>, ValidationProblem>> PutRiskAsync(RiskPolicyInput input, TenantPolicies policies,
        CancellationToken cancellationToken) =>
        Answer(await policies.UpdateRiskAsync(input, cancellationToken));

    private static async Task<Results<Ok<SessionPolicyResource>, ValidationProblem>> PutSessionsAsync(SessionPolicyInput input, TenantPolicies policies,
        CancellationToken cancellationToken) =>
        Answer(await policies.UpdateSessionsAsync(input, cancellationToken));

    private static Results<Ok<T>, ValidationProblem> Answer<T>(PolicyUpdate<T> update)
        where T : class =>
        update.Succeeded
            ? TypedResults.Ok(update.Saved!)
            : TypedResults.ValidationProblem(update.Errors.ToDictionary(e => e.Key, e => e.Value.Select(Sentence).ToArray()));

    /// <summary>The rules' fragments ("must be between 8 and 64.") as sentences for a field's error list.</summary>
    private static string Sentence(string fragment) => fragment.Length == 0 ? fragment : char.ToUpperInvariant(fragment[0]) + fragment[1..];
}
