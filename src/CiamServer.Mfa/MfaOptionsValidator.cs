using Microsoft.Extensions.Options;

namespace CiamServer.Mfa;

/// <summary>Start-up checks for <c>Ciam:Mfa</c>, each failure naming the setting to fix.</summary>
internal sealed class MfaOptionsValidator : IValidateOptions<MfaOptions>
{
    public const int MaxIssuerLength = 100;

    public ValidateOptionsResult Validate(string? name, MfaOptions options)
    {
        var failures = new List<string>();
        var issuer = options.Totp.Issuer;
        if (issuer is not null && (string.IsNullOrWhiteSpace(issuer) || issuer.Length > MaxIssuerLength || issuer.Contains(':', StringComparison.Ordinal)
                || issuer.Any(char.IsControl)))
        {
            // The colon separates issuer and account in the otpauth:// label; apps disagree on an escaped one.
            failures.Add($"{MfaOptions.Section}:Totp:Issuer must be 1 to {MaxIssuerLength} characters without a colon (or unset: the tenant's name).");
        }

        if (options.Totp.ClockWindowSteps is < 0 or > 3)
        {
            failures.Add($"{MfaOptions.Section}:Totp:ClockWindowSteps must be between 0 and 3 steps of 30 seconds (1 is the default).");
        }

        if (options.RecoveryCodes.Count is < 4 or > 20)
        {
            failures.Add($"{MfaOptions.Section}:RecoveryCodes:Count must be between 4 and 20 (10 is the default).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
