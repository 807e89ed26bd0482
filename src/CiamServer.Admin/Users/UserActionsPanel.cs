using CiamServer.Core.Users;

namespace CiamServer.Admin.Users;

/// <summary>What the console's actions panel (<c>Pages/Console/Tenant/Users/_UserActions.cshtml</c>) needs of a user:
/// a page showing one user renders it with <c>&lt;partial name="~/Pages/Console/Tenant/Users/_UserActions.cshtml"
/// model="UserActionsPanel.From(user)" /&gt;</c>.</summary>
public sealed record UserActionsPanel(Guid Id, string Name, bool HasEmail, bool Disabled, bool HasPassword, bool PasswordChangeRequired, bool LockedOut)
{
    public static UserActionsPanel From(CiamUser user) =>
        new(user.Id, user.Email ?? user.PhoneNumber ?? user.UserName ?? user.Id.ToString(), user.Email is not null, user.Disabled,
            user.PasswordHash is not null, user.PasswordChangeRequired, user.LockoutEnd > DateTimeOffset.UtcNow);
}
