using CiamServer.Admin.Console;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Admin.Pages.Console;

/// <summary>Shown with status 403 when a sign-in is not an admin's, lacks the second factor, or asks for a page
/// the admin's grants do not cover.</summary>
public sealed class DeniedModel : ConsolePageModel
{
    public string Message { get; private set; } = string.Empty;

    public void OnGet(string? reason)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Message = reason switch
        {
            ConsoleAuthentication.NotAnAdministrator => "This account is not an administrator. Sign out of it and sign in with an administrator account.",
            ConsoleAuthentication.SecondFactorMissing => "Administrators must sign in with a second factor (an authenticator app or a passkey).",
            ConsoleAuthentication.SignInFailed => "The sign-in did not complete. Try again.",
            _ => "You do not have access to this page: your administrator role does not cover it.",
        };
    }
}
