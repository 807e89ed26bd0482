using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CiamServer.Passwordless.Sms;

/// <summary>Start-up checks for <c>Ciam:Passwordless:Sms</c>, each failure naming the setting to fix, so a
/// half-configured provider stops the server instead of failing on the first code someone asks for.</summary>
internal sealed partial class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    private const string Twilio = SmsOptions.Section + ":Twilio";

    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        var failures = new List<string>();
        var twilio = options.Twilio;
        if (options.UsesPickupDirectory && twilio.IsSet)
        {
            failures.Add($"Set either {SmsOptions.Section}:PickupDirectory (development) or {Twilio}, not both.");
        }

        if (twilio.IsSet)
        {
            ValidateTwilio(twilio, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateTwilio(TwilioSmsOptions twilio, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(twilio.AccountSid))
        {
            failures.Add($"{Twilio}:AccountSid is required when Twilio is configured.");
        }
        else if (!AccountSidPattern().IsMatch(twilio.AccountSid))
        {
            failures.Add($"{Twilio}:AccountSid must be \"AC\" followed by 32 hexadecimal digits (the Account SID in the Twilio console).");
        }

        if (string.IsNullOrWhiteSpace(twilio.AuthToken))
        {
            failures.Add($"{Twilio}:AuthToken is required when Twilio is configured.");
        }

        if (string.IsNullOrWhiteSpace(twilio.From) && string.IsNullOrWhiteSpace(twilio.MessagingServiceSid))
        {
            failures.Add($"Set {Twilio}:From (the sending number) or {Twilio}:MessagingServiceSid.");
        }

        if (!string.IsNullOrWhiteSpace(twilio.From) && !E164Pattern().IsMatch(twilio.From))
        {
            failures.Add($"{Twilio}:From must be a phone number in E.164 form, like +12015550123.");
        }

        if (!string.IsNullOrWhiteSpace(twilio.MessagingServiceSid) && !MessagingServiceSidPattern().IsMatch(twilio.MessagingServiceSid))
        {
            failures.Add($"{Twilio}:MessagingServiceSid must be \"MG\" followed by 32 hexadecimal digits.");
        }
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex MessagingServiceSidPattern();

    // E.164: a plus, a country code that does not start with 0, at most 15 digits in all.
    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164Pattern();
}
