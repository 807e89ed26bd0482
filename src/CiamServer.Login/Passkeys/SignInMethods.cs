using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;

namespace CiamServer.Login.Passkeys;

/// <summary>The ways an account can still sign in, so a user cannot remove the last one.</summary>
internal static class SignInMethods
{
    public static int Count(CiamUser user, TenantSignInPolicy policy, int passkeys) =>
        passkeys
        + (user.PasswordHash is not null && policy.Password ? 1 : 0)
        + (user.EmailConfirmed && policy.AnyEmailCode ? 1 : 0)
        + (user.PhoneNumberConfirmed && policy.SmsCode ? 1 : 0);
}
