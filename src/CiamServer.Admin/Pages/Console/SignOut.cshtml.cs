using CiamServer.Admin.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console;

/// <summary>Ends the console cookie, then the admin's session in the admin tenant (RP-initiated logout with the
/// ID token as hint, so no confirmation is asked); the tenant's signed-out page follows.</summary>
public sealed class SignOutModel : ConsolePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var idToken = await HttpContext.GetTokenAsync(ConsoleAuthentication.CookieScheme, "id_token");
        await HttpContext.SignOutAsync(ConsoleAuthentication.CookieScheme);
        var endSession = $"{Request.PathBase}/connect/endsession";
        return Redirect(idToken is null ? endSession : $"{endSession}?id_token_hint={Uri.EscapeDataString(idToken)}");
    }
}
