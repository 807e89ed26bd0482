using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace CiamServer.Login.Accounts;

/// <summary>Identity's rules (valid, unique user name; valid email unique in the tenant), except that an account
/// made by text message has no email address: its user name is its verified E.164 number.</summary>
internal sealed class PhoneOrEmailUserValidator(IdentityErrorDescriber errors) : UserValidator<CiamUser>(errors)
{
    public override async Task<IdentityResult> ValidateAsync(UserManager<CiamUser> manager, CiamUser user)
    {
        if (user.Email is not null || !user.PhoneNumberConfirmed || user.PhoneNumber is null)
        {
            return await base.ValidateAsync(manager, user);
        }

        if (user.UserName != user.PhoneNumber)
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidUserName", Description = "A phone-only account is named by its number." });
        }

        var owner = await manager.FindByNameAsync(user.UserName);
        return owner is null || owner.Id == user.Id ? IdentityResult.Success : IdentityResult.Failed(Describer.DuplicateUserName(user.UserName));
    }
}
