using CiamServer.Admin.Policies;

namespace CiamServer.Admin.Pages.Console.Tenant.Policies;

/// <summary>The policy forms of the console page, the labels people read, and the service's messages put in those
/// words ("minLength must be between 8 and 64." becomes "Minimum length must be between 8 and 64.").</summary>
public static class PolicyForms
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Password.MinLength"] = "Minimum length",
        ["SignIn"] = "Sign-in methods",
        ["SignIn.Password"] = "Password",
        ["SignIn.EmailLink"] = "Link by email",
        ["SignIn.EmailCode"] = "Code by email",
        ["SignIn.SmsCode"] = "Code by text message",
        ["SignIn.Passkey"] = "Passkeys",
        ["SignIn.PasskeyRecoveryByEmail"] = "Passkey recovery by email",
        ["SignIn.RequirePasskeyAttestation"] = "Require passkey attestation",
        ["Mfa"] = "Second factors",
        ["Mfa.Mode"] = "Mode",
        ["Mfa.RequiredForRoles"] = "Roles that always need a second factor",
        ["Mfa.AllowTotp"] = "Authenticator app",
        ["Mfa.AllowWebAuthn"] = "Passkey or security key",
        ["Mfa.AllowSms"] = "Code by text message",
        ["Mfa.AllowEmail"] = "Code by email",
        ["Mfa.RememberDeviceDays"] = "Remember a device for (days)",
        ["Risk.StepUpAt"] = "Ask for a second factor from score",
        ["Risk.DenyAt"] = "Refuse from score",
        ["Sessions.IdleTimeoutMinutes"] = "Idle timeout (minutes)",
        ["Sessions.AbsoluteLifetimeMinutes"] = "Absolute lifetime (minutes)",
    };

    // The API's field names inside the shared rules' messages, in the page's words.
    private static readonly (string Api, string Page)[] Words =
    [
        ("emailCode or emailLink", "a code or link by email"),
        ("(allowTotp, allowWebAuthn, allowSms or allowEmail)", string.Empty),
        ("denyAt", "the refusal score"),
        ("absoluteLifetimeMinutes", "the absolute lifetime"),
        ("password.", "a password."),
    ];

    public static string Label(string key) => Labels.TryGetValue(key, out var label) ? label : key;

    /// <summary>The form key of an API field of a group: ("Password", "minLength") is "Password.MinLength"; a problem
    /// with the whole group (keyed by its API name, or empty) is the group's key.</summary>
    public static string Key(string group, string field) =>
        field.Length == 0 || string.Equals(field, group, StringComparison.OrdinalIgnoreCase) ? group : $"{group}.{char.ToUpperInvariant(field[0])}{field[1..]}";

    public static string Message(string key, string fragment)
    {
        var text = Words.Aggregate(fragment, (t, w) => t.Replace(w.Api, w.Page, StringComparison.Ordinal)).Replace("  ", " ", StringComparison.Ordinal);
        if (text.StartsWith('\''))
        {
            return text; // "'x' is not one of the tenant's roles."
        }

        return key.Contains('.', StringComparison.Ordinal) ? $"{Label(key)} {text}" : char.ToUpperInvariant(text[0]) + text[1..];
    }

    public sealed class Password
    {
        public int? MinLength { get; set; }

        public static Password From(PasswordPolicyResource p) => new() { MinLength = p.MinLength };

        public PasswordPolicyInput ToInput() => new(MinLength);
    }

    public sealed class SignIn
    {
        public bool Password { get; set; }
        public bool EmailLink { get; set; }
        public bool EmailCode { get; set; }
        public bool SmsCode { get; set; }
        public bool Passkey { get; set; }
        public bool PasskeyRecoveryByEmail { get; set; }
        public bool RequirePasskeyAttestation { get; set; }

        public static SignIn From(SignInPolicyResource p) => new()
        {
            Password = p.Password, EmailLink = p.EmailLink, EmailCode = p.EmailCode, SmsCode = p.SmsCode, Passkey = p.Passkey,
            PasskeyRecoveryByEmail = p.PasskeyRecoveryByEmail, RequirePasskeyAttestation = p.RequirePasskeyAttestation,
        };

        public SignInPolicyInput ToInput() => new(Password, EmailLink, EmailCode, SmsCode, Passkey, PasskeyRecoveryByEmail, RequirePasskeyAttestation);
    }

    public sealed class Mfa
    {
        public string? Mode { get; set; }

        /// <summary>Role names separated by commas.</summary>
        public string? RequiredForRoles { get; set; }
        public bool AllowTotp { get; set; }
        public bool AllowWebAuthn { get; set; }
        public bool AllowSms { get; set; }
        public bool AllowEmail { get; set; }
        public int? RememberDeviceDays { get; set; }

        public static Mfa From(MfaPolicyResource p) => new()
        {
            Mode = p.Mode, RequiredForRoles = string.Join(", ", p.RequiredForRoles), AllowTotp = p.AllowTotp, AllowWebAuthn = p.AllowWebAuthn,
            AllowSms = p.AllowSms, AllowEmail = p.AllowEmail, RememberDeviceDays = p.RememberDeviceDays,
        };

        public MfaPolicyInput ToInput() => new(Mode,
            [.. (RequiredForRoles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            AllowTotp, AllowWebAuthn, AllowSms, AllowEmail, RememberDeviceDays);
    }

    public sealed class Risk
    {
        public int? StepUpAt { get; set; }
        public int? DenyAt { get; set; }

        public static Risk From(RiskPolicyResource p) => new() { StepUpAt = p.StepUpAt, DenyAt = p.DenyAt };

        public RiskPolicyInput ToInput() => new(StepUpAt, DenyAt);
    }

    public sealed class Sessions
    {
        public int? IdleTimeoutMinutes { get; set; }
        public int? AbsoluteLifetimeMinutes { get; set; }

        public static Sessions From(SessionPolicyResource p) => new() { IdleTimeoutMinutes = p.IdleTimeoutMinutes, AbsoluteLifetimeMinutes = p.AbsoluteLifetimeMinutes };

        public SessionPolicyInput ToInput() => new(IdleTimeoutMinutes, AbsoluteLifetimeMinutes);
    }
}
