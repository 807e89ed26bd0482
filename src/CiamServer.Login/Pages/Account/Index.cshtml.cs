using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Login.Pages.Account;

[Authorize(AuthenticationSchemes = CiamAuthentication.SessionScheme)]
public sealed class IndexModel(UserManager<CiamUser> users, ITenantContext tenants, CiamDbContext db) : PageModel
{
    /// <summary>The passkeys page is linked while the tenant offers passkeys, and after it stops for users who
    /// still have some (to delete them).</summary>
    public bool ShowsPasskeys { get; private set; }

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
        ShowsPasskeys = tenants.Required.SignIn.Passkey
            || await db.PasskeyCredentials.AnyAsync(p => p.UserId == user.Id, HttpContext.RequestAborted);
        return Page();
    }
}
