using System.Net.Mail;
using CiamServer.Passwordless.Phones;

namespace CiamServer.Admin.Users;

/// <summary>The field rules an account must meet, the same for one user created by hand and for each row of an
/// import: an email address and/or a phone number, names of at most 100 characters.</summary>
internal static class UserActionsRules
{
    public const int MaxEmailLength = 256;
    public const int MaxNameLength = 100;
    public const int MaxRoles = 50;

    /// <summary>Checks the fields and gives the stored forms (trimmed; the number in E.164); the problems by field.</summary>
    public static Dictionary<string, string[]> Check(string? email, string? phone, string? givenName, string? familyName,
        IReadOnlyList<string>? roles, string phoneRegion, out NormalizedUser normalized)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        email = Blank(email);
        phone = Blank(phone);
        givenName = Blank(givenName);
        familyName = Blank(familyName);
        var e164 = (string?)null;
        if (email is null && phone is null)
        {
            errors["email"] = ["Give an email address or a phone number."];
        }

        if (email is not null && (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors["email"] = ["Enter a valid email address."];
        }

        if (phone is not null)
        {
            if (PhoneNumberNormalizer.TryNormalize(phone, phoneRegion, out var number))
            {
                e164 = number;
            }
            else
            {
                errors["phone"] = ["Enter a valid phone number, with its country code (+44 7400 123456)."];
            }
        }

        if (givenName is { Length: > MaxNameLength })
        {
            errors["givenName"] = [$"Use at most {MaxNameLength} characters."];
        }

        if (familyName is { Length: > MaxNameLength })
        {
            errors["familyName"] = [$"Use at most {MaxNameLength} characters."];
        }

        var roleNames = (roles ?? []).Select(r => r?.Trim()).ToList();
        if (roleNames.Count > MaxRoles || roleNames.Any(string.IsNullOrEmpty))
        {
            errors["roles"] = [$"Give at most {MaxRoles} role names, none empty."];
        }

        normalized = new NormalizedUser(email, e164, givenName, familyName,
            [.. roleNames.Where(r => !string.IsNullOrEmpty(r)).Select(r => r!).Distinct(StringComparer.OrdinalIgnoreCase)]);
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Account fields after <see cref="UserActionsRules.Check"/>: trimmed, the phone number in E.164.</summary>
internal sealed record NormalizedUser(string? Email, string? Phone, string? GivenName, string? FamilyName, IReadOnlyList<string> Roles);
