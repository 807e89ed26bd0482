using System.Text.Json;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Risk;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Login.Cookies;
using CiamServer.Login.Infrastructure;
using CiamServer.Mfa.Devices;
using CiamServer.Risk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Login.SignIn;

/// <summary>The sign-in after the first factor (password, code, link, passkey), the same for every method: the
/// risk engine assesses it, the attempt and its assessment are recorded, and it is refused, sent on to a second
/// factor, or signed in. Pages call this instead of starting a session themselves.</summary>
public sealed class SignInFlow(
    AccountSignIn signIn,
    IRiskEngine risk,
    IRiskCounters riskCounters,
    SecondFactors factors,
    RememberedDeviceService rememberedDevices,
    BrowserBinding device,
    PendingSignInCookie pendingCookie,
    UserManager<CiamUser> users,
    CiamDbContext db,
    IAuditLog audit,
    ITenantContext tenants,
    TimeProvider clock)
{
    public const string ChallengePath = "/account/mfa";

    public async Task<SignInStep> FirstFactorPassedAsync(HttpContext context, CiamUser user, IReadOnlyCollection<string> methods, string returnUrl)
    {
        var cancellationToken = context.RequestAborted;
        var deviceHash = device.DeviceHash(context);
        var assessment = await risk.AssessAsync(new SignInContext(user.Id, AccountNameOf(user), context.Connection.RemoteIpAddress,
            context.Request.Headers.UserAgent.ToString(), deviceHash, clock.GetUtcNow()), cancellationToken);
        var attempt = Record(context, user, methods, deviceHash, assessment);
        // The credential-stuffing signal counts every account name tried from an address, not only failures.
        await riskCounters.RecordAttemptAsync(attempt.AccountName, context.Connection.RemoteIpAddress, cancellationToken);

        if (assessment.Decision == RiskDecision.Deny)
        {
            attempt.Outcome = SignInOutcomes.Denied;
            await SaveAsync(context, attempt, "sign_in.denied", cancellationToken);
            return SignInStep.Refused("We couldn't sign you in from here. If this is you, try again from a device you've used before, or contact support.");
        }

        var need = await DecideMfaAsync(context, user, methods, assessment.Decision == RiskDecision.StepUp);

        if (need == MfaNeed.FallbackCode && !(user.EmailConfirmed && user.Email is not null) && !(user.PhoneNumberConfirmed && user.PhoneNumber is not null))
        {
            // Risk wants proof and there is nothing to prove it with: no second factor, no verified address.
            attempt.Outcome = SignInOutcomes.Denied;
            await SaveAsync(context, attempt, "sign_in.denied", cancellationToken);
            return SignInStep.Refused("We couldn't confirm it's you. Try again from a device you've used before, or contact support.");
        }

        if (need == MfaNeed.None && RequiredPasswordChange.Applies(user, methods))
        {
            await SaveAsync(context, attempt, "sign_in.password_change_required", cancellationToken);
            return SignInStep.SignedIn(await RequiredPasswordChange.UrlAsync(users, context.Request, user, returnUrl));
        }

        if (need == MfaNeed.None)
        {
            var session = await signIn.SignInAsync(context, user, methods);
            attempt.Outcome = SignInOutcomes.Succeeded;
            attempt.SessionId = session.Id;
            await SaveAsync(context, attempt, "sign_in.succeeded", cancellationToken);
            return SignInStep.SignedIn(returnUrl);
        }

        attempt.Outcome = SignInOutcomes.Challenged;
        await SaveAsync(context, attempt, "sign_in.challenged", cancellationToken);
        pendingCookie.Write(context, new PendingSignIn(tenants.Required.Id, user.Id, [.. methods], returnUrl, attempt.Id,
            [.. assessment.Reasons.Select(r => r.Message)], clock.GetUtcNow() + PendingSignInCookie.Lifetime, StepUp: false, need));
        return SignInStep.Challenge(context.Request.PathBase + ChallengePath);
    }

    /// <summary>The second factor passed: the session starts with both factors' methods and "mfa".</summary>
    public async Task<string> SecondFactorPassedAsync(HttpContext context, PendingSignIn pending, CiamUser user, IReadOnlyCollection<string> secondFactor,
        bool rememberDevice)
    {
        var cancellationToken = context.RequestAborted;
        if (RequiredPasswordChange.Applies(user, pending.Methods))
        {
            pendingCookie.Clear(context);
            await audit.WriteAsync(new AuditEntry("user", user.Id.ToString(), "sign_in.password_change_required", "user", user.Id.ToString(),
                null, context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
            return await RequiredPasswordChange.UrlAsync(users, context.Request, user, pending.ReturnUrl);
        }

        string[] methods = [.. pending.Methods.Union(secondFactor).Append("mfa").Distinct(StringComparer.Ordinal)];
        var session = await signIn.SignInAsync(context, user, methods);
        pendingCookie.Clear(context);
        if (rememberDevice && tenants.Required.Mfa.RememberDeviceDays > 0)
        {
            await rememberedDevices.RememberAsync(context, user, tenants.Required.Mfa.RememberDeviceDays, cancellationToken);
        }

        if (pending.AttemptId is { } attemptId)
        {
            await db.SignInAttempts.Where(a => a.Id == attemptId)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Outcome, SignInOutcomes.Succeeded).SetProperty(a => a.SessionId, session.Id), cancellationToken);
        }

        await audit.WriteAsync(new AuditEntry("user", user.Id.ToString(), "sign_in.second_factor_passed", "session", session.Id,
            new { methods, rememberDevice }, context.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        return pending.ReturnUrl;
    }

    public async Task SecondFactorFailedAsync(HttpContext context, PendingSignIn pending, string factor)
    {
        if (pending.AttemptId is { } attemptId)
        {
            await db.SignInAttempts.Where(a => a.Id == attemptId)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Outcome, SignInOutcomes.ChallengeFailed), context.RequestAborted);
        }

        await audit.WriteAsync(new AuditEntry("user", pending.UserId.ToString(), "sign_in.second_factor_failed", "user", pending.UserId.ToString(),
            new { factor }, context.Connection.RemoteIpAddress?.ToString()), context.RequestAborted);
    }

    /// <summary>The MFA decision; the user's factors, roles and remembered device are read only when the policy
    /// could ask at all (with MFA off, the usual case, the sign-in POST makes none of those queries).</summary>
    private async Task<MfaNeed> DecideMfaAsync(HttpContext context, CiamUser user, IReadOnlyCollection<string> methods, bool riskSaysStepUp)
    {
        var policy = tenants.Required.Mfa;
        if (!MfaRequirement.MayAsk(policy, riskSaysStepUp, methods))
        {
            return MfaNeed.None;
        }

        var cancellationToken = context.RequestAborted;
        var userFactors = await factors.OfAsync(user, methods, cancellationToken);
        return MfaRequirement.Decide(new MfaFacts(
            policy.Mode,
            await InRoleRequiringMfaAsync(user, policy),
            riskSaysStepUp,
            methods,
            await rememberedDevices.IsRememberedAsync(context, user.Id, cancellationToken),
            userFactors.Any));
    }

    public static string AccountNameOf(CiamUser user) => (user.Email ?? user.PhoneNumber ?? user.UserName ?? user.Id.ToString()).ToUpperInvariant();

    private SignInAttempt Record(HttpContext context, CiamUser user, IReadOnlyCollection<string> methods, string deviceHash, RiskAssessment assessment)
    {
        var inputs = assessment.Inputs;
        return new SignInAttempt
        {
            UserId = user.Id,
            AccountName = AccountNameOf(user),
            Methods = string.Join(' ', methods),
            IpAddress = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(context.Request.Headers.UserAgent.ToString(), 512),
            DeviceHash = deviceHash,
            Country = inputs.Country,
            Latitude = inputs.Latitude,
            Longitude = inputs.Longitude,
            Score = assessment.Score,
            Decision = assessment.Decision.ToStoredValue(),
            ReasonsJson = RiskJson.SerializeReasons(assessment.Reasons),
            InputsJson = RiskJson.SerializeInputs(inputs),
            Outcome = SignInOutcomes.Challenged,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }

    private async Task SaveAsync(HttpContext context, SignInAttempt attempt, string action, CancellationToken cancellationToken)
    {
        db.SignInAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(new AuditEntry("user", attempt.UserId?.ToString(), action, "sign_in_attempt", attempt.Id.ToString(),
            new { attempt.Score, attempt.Decision, reasons = JsonDocument.Parse(attempt.ReasonsJson).RootElement, attempt.Methods },
            attempt.IpAddress), cancellationToken);
    }

    private async Task<bool> InRoleRequiringMfaAsync(CiamUser user, TenantMfaPolicy policy)
    {
        var roles = policy.RolesRequiringMfa;
        return roles.Count > 0 && (await users.GetRolesAsync(user)).Intersect(roles, StringComparer.OrdinalIgnoreCase).Any();
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}

/// <summary>Where a sign-in goes after its first factor.</summary>
public sealed record SignInStep(SignInStepKind Kind, string? RedirectTo, string? Error)
{
    public static SignInStep SignedIn(string returnUrl) => new(SignInStepKind.SignedIn, returnUrl, null);

    public static SignInStep Challenge(string challengeUrl) => new(SignInStepKind.Challenge, challengeUrl, null);

    public static SignInStep Refused(string message) => new(SignInStepKind.Refused, null, message);
}

public enum SignInStepKind
{
    SignedIn,
    Challenge,
    Refused,
}
