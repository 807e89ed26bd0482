using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CiamServer.Passwordless.Phones;

namespace CiamServer.Admin.Users;

/// <summary>What the search box's text is taken to be.</summary>
internal enum UserQueryKind
{
    /// <summary>No text: every user, newest first.</summary>
    All,

    /// <summary>A GUID: that user.</summary>
    Id,

    /// <summary>Text with an '@': a prefix of the normalised (upper-case) email.</summary>
    Email,

    /// <summary>A valid phone number: its E.164 form, exactly.</summary>
    Phone,

    /// <summary>Digits that are not a whole valid number: a prefix of the E.164 form ("+" and the digits).</summary>
    PhonePrefix,

    /// <summary>Anything else: a prefix of the given name, of the family name, of "given family", or of the email.</summary>
    Name,
}

/// <summary>The search text classified and normalised into the form the database holds (<see cref="Value"/>).</summary>
internal sealed partial record UserQuery(UserQueryKind Kind, string Value)
{
    public const int MaxLength = 256;

    public static readonly UserQuery All = new(UserQueryKind.All, string.Empty);

    /// <summary>Classifies <paramref name="text"/>; phone numbers without a +country code are read as numbers of
    /// <paramref name="defaultPhoneRegion"/>, as the sign-in page does.</summary>
    public static UserQuery Parse(string? text, string defaultPhoneRegion)
    {
        var q = text?.Trim() ?? string.Empty;
        if (q.Length == 0)
        {
            return All;
        }

        if (Guid.TryParse(q, out var id))
        {
            return new(UserQueryKind.Id, id.ToString("D"));
        }

        if (q.Contains('@', StringComparison.Ordinal))
        {
            // As ASP.NET Core Identity normalises emails (UpperInvariantLookupNormalizer).
            return new(UserQueryKind.Email, q.ToUpperInvariant());
        }

        if (IsPhoneLike(q))
        {
            if (PhoneNumberNormalizer.TryNormalize(q, defaultPhoneRegion, out var e164))
            {
                return new(UserQueryKind.Phone, e164);
            }

            var digits = string.Concat(q.Where(char.IsAsciiDigit));
            if (!q.StartsWith('+') && digits.StartsWith("00", StringComparison.Ordinal))
            {
                digits = digits[2..];
            }

            return new(UserQueryKind.PhonePrefix, "+" + digits[..Math.Min(digits.Length, 15)]);
        }

        return new(UserQueryKind.Name, Whitespace().Replace(q, " ").ToUpperInvariant());
    }

    /// <summary>Ties a page cursor to the search it came from.</summary>
    public string Fingerprint() =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Kind}:{Value}")))[..16];

    /// <summary>Only digits, spaces and the punctuation people write numbers with, a '+' only in front, and enough
    /// digits to mean a number (one after a '+', three otherwise).</summary>
    private static bool IsPhoneLike(string q)
    {
        var digits = q.Count(char.IsAsciiDigit);
        return PhoneCharacters().IsMatch(q) && digits >= (q.StartsWith('+') ? 1 : 3);
    }

    [GeneratedRegex(@"^\+?[0-9 ().\-/]+$")]
    private static partial Regex PhoneCharacters();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
