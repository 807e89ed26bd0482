using CiamServer.Core.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace CiamServer.Login.SignIn;

/// <summary>A required action (Keycloak's shape): an administrator set <see cref="CiamUser.PasswordChangeRequired"/>,
/// so a sign-in with the password that passed every factor starts no session and goes to the new-password page
/// instead. The page gets a token of its own purpose (not a password-reset token): it proves the password was
/// just typed, and, unlike an emailed link, nothing about the mailbox.</summary>
internal static class RequiredPasswordChange
{
    private const string Purpose = "RequiredPasswordChange";

    public static bool Applies(CiamUser user, IReadOnlyCollection<string> methods) =>
        user.PasswordChangeRequired && methods.Contains("pwd", StringComparer.Ordinal);

    /// <summary>The new-password page (under the tenant's base), with the token and where to go afterwards.</summary>
    public static async Task<string> UrlAsync(UserManager<CiamUser> users, HttpRequest request, CiamUser user, string returnUrl)
    {
        var token = await users.GenerateUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, Purpose);
        return request.PathBase + "/account/reset-password" + QueryString.Create(new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(),
            ["code"] = token,
            ["changeRequired"] = "true",
            ["returnUrl"] = returnUrl,
        });
    }

    public static Task<bool> IsValidAsync(UserManager<CiamUser> users, CiamUser user, string code) =>
        users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, Purpose, code);
}
