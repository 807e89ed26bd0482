namespace CiamServer.Core.Tenancy;

/// <summary>The rules a tenant's policies follow whoever sets them: the import file, the admin API and the admin
/// console. Each check returns problems as (field, message): the field as the import file and the admin API name
/// it (camelCase, relative to its policy group; empty for the group as a whole), the message a sentence fragment
/// ("must be between 8 and 64.") that the caller puts after a path or a label. A null value means "left out"
/// (the import then keeps the default) and is not checked.</summary>
public static class TenantPolicyRules
{
    public const int MaxPasswordMinLength = 64;
    public const int MaxIdleTimeoutMinutes = 60 * 24 * 30;
    public const int MaxAbsoluteLifetimeMinutes = 60 * 24 * 365;
    public const int MaxRememberDeviceDays = 365;
    public const int MaxRoleNameLength = 100;

    /// <summary>A risk threshold of 101 is never reached (scores are 0 to 100).</summary>
    public const int Never = 101;

    public static IEnumerable<PolicyProblem> Password(int? minLength)
    {
        if (minLength is { } min && (min < TenantPasswordPolicy.AbsoluteMinimumLength || min > MaxPasswordMinLength))
        {
            yield return new("minLength", $"must be between {TenantPasswordPolicy.AbsoluteMinimumLength} and {MaxPasswordMinLength}.");
        }
    }

    public static IEnumerable<PolicyProblem> Session(int? idleTimeoutMinutes, int? absoluteLifetimeMinutes)
    {
        if (idleTimeoutMinutes is < 1 or > MaxIdleTimeoutMinutes)
        {
            yield return new("idleTimeoutMinutes", $"must be between 1 and {MaxIdleTimeoutMinutes}.");
        }

        if (absoluteLifetimeMinutes is < 1 or > MaxAbsoluteLifetimeMinutes)
        {
            yield return new("absoluteLifetimeMinutes", $"must be between 1 and {MaxAbsoluteLifetimeMinutes}.");
        }
    }

    /// <summary>The mode as written in files and JSON ("off", "optional", "required", "adaptive", any case), or null
    /// when it is none of those: numbers and combinations ("off, required") are refused, the stored value is one name.</summary>
    public static MfaMode? ParseMfaMode(string? mode) =>
        Enum.GetValues<MfaMode>().Cast<MfaMode?>().FirstOrDefault(m => string.Equals(m.ToString(), mode, StringComparison.OrdinalIgnoreCase));

    public static string MfaModeName(MfaMode mode) => mode.ToString().ToLowerInvariant();

    public static IEnumerable<PolicyProblem> Mfa(string? mode, IReadOnlyCollection<string?>? requiredForRoles, int? rememberDeviceDays)
    {
        if (mode is not null && ParseMfaMode(mode) is null)
        {
            yield return new("mode", "must be off, optional, required or adaptive.");
        }

        if (rememberDeviceDays is < 0 or > MaxRememberDeviceDays)
        {
            yield return new("rememberDeviceDays", $"must be between 0 (off) and {MaxRememberDeviceDays}.");
        }

        if (requiredForRoles?.Any(r => string.IsNullOrWhiteSpace(r) || r.Contains(',', StringComparison.Ordinal) || r.Length > MaxRoleNameLength) == true)
        {
            yield return new("requiredForRoles", $"must list role names (no commas, at most {MaxRoleNameLength} characters).");
        }
    }

    /// <summary>Both thresholds together: allow below stepUpAt, step up from it, deny from denyAt.</summary>
    public static IEnumerable<PolicyProblem> Risk(int stepUpAt, int denyAt)
    {
        if (stepUpAt is < 1 or > Never)
        {
            yield return new("stepUpAt", $"must be between 1 and {Never} ({Never}: never).");
        }

        if (denyAt is < 1 or > Never)
        {
            yield return new("denyAt", $"must be between 1 and {Never} ({Never}: never).");
        }
        else if (stepUpAt is >= 1 and <= Never && stepUpAt > denyAt)
        {
            yield return new("stepUpAt", "must not be above denyAt.");
        }
    }

    /// <summary>The ways of signing in left on: a tenant with none, or with passkeys alone (a new account proves its
    /// email with a code before it adds a passkey), could not be signed in to or signed up to.</summary>
    public static IEnumerable<PolicyProblem> SignIn(bool password, bool emailLink, bool emailCode, bool smsCode, bool passkey)
    {
        if (!password && !emailLink && !emailCode && !smsCode && !passkey)
        {
            yield return new(string.Empty, "must leave at least one way to sign in.");
        }
        else if (!password && !emailLink && !emailCode && passkey && !smsCode)
        {
            yield return new(string.Empty, "passkeys need emailCode or emailLink (sign-up proves the address by email first), or password.");
        }
    }
}

/// <summary>One rule a policy value breaks: the field (empty: the group as a whole) and what is wrong with it.</summary>
public readonly record struct PolicyProblem(string Field, string Message);
