using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CiamServer.Login.Passwords;

/// <summary>NIST SP 800-63B rules: the tenant's minimum length (8 at least), long passwords accepted and
/// never truncated, no composition rules, and no password from the breached list or equal to the email.</summary>
internal sealed class TenantPasswordValidator(ITenantContext tenants, CommonPasswordList commonPasswords, IStringLocalizer<LoginText> text) : IPasswordValidator<CiamUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<CiamUser> manager, CiamUser user, string? password)
    {
        var minimum = Math.Max(TenantPasswordPolicy.AbsoluteMinimumLength, tenants.Required.PasswordPolicy.MinLength);
        var errors = new List<IdentityError>();
        password ??= string.Empty;
        if (password.Length < minimum)
        {
            errors.Add(new IdentityError { Code = "PasswordTooShort", Description = text["Use at least {0} characters.", minimum] });
        }
        else if (password.Length > TenantPasswordPolicy.MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = text["Use at most {0} characters.", TenantPasswordPolicy.MaximumLength] });
        }
        else if (commonPasswords.Contains(password) || IsTheEmail(user, password))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = text["This password is too easy to guess: it appears in lists of leaked passwords. Choose another."],
            });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool IsTheEmail(CiamUser user, string password) =>
        user.Email is { } email
        && (string.Equals(password, email, StringComparison.OrdinalIgnoreCase)
            || string.Equals(password, email.Split('@')[0], StringComparison.OrdinalIgnoreCase));
}
