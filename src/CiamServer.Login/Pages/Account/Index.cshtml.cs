using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

[Authorize(AuthenticationSchemes = CiamAuthentication.SessionScheme)]
public sealed class IndexModel(UserManager<CiamUser> users, ITenantContext tenants) : PageModel
{
    public bool OffersPasskeys => tenants.Required.SignIn.Passkey;

    public string? Email { get; private set; }

    public string EndSessionUrl => Request.PathBase + "/connect/endsession";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(User.FindFirstValue(CiamClaimTypes.Subject)!);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        Email = user.Email;
        return Page();
    }
}
