using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Samples.WebApp.Pages;

/// <summary>Signs out here and at the server: the OIDC handler redirects to the end_session endpoint with
/// id_token_hint (saved at sign-in) and post_logout_redirect_uri /signout-callback-oidc. POST only, with
/// an antiforgery token, so another site cannot sign the user out.</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnPost() =>
        SignOut(CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
}
