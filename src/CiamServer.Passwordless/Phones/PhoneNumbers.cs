using PhoneNumbers;

namespace CiamServer.Passwordless.Phones;

/// <summary>Phone numbers as users type them ("(201) 555-0123", "+44 7400 123456") turned into E.164
/// ("+12015550123"), the one form that is stored, compared and sent to.</summary>
public static class PhoneNumberNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>True and the E.164 form when <paramref name="input"/> is a valid number; a number without a
    /// +country code is read as one of <paramref name="defaultRegion"/>.</summary>
    public static bool TryNormalize(string? input, string defaultRegion, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return false;
        }

        try
        {
            var number = Util.Parse(input, defaultRegion);
            if (!Util.IsValidNumber(number))
            {
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>The number as shown to its owner with all but the last two digits hidden ("+1••••••••23").</summary>
    public static string Masked(string e164) =>
        e164.Length <= 4 ? e164 : e164[..2] + new string('•', e164.Length - 4) + e164[^2..];
}
