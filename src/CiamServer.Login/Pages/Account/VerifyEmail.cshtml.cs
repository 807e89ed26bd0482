using CiamServer.Core.Users;
using CiamServer.Login.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

public sealed class VerifyEmailModel(UserManager<CiamUser> users) : PageModel
{
    public bool Verified { get; private set; }

    public string? ReturnUrl { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, string? returnUrl)
    {
        ReturnUrl = ReturnUrls.Safe(Request, returnUrl);
        if (userId is null || code is null || code.Length > 2048 || !Guid.TryParse(userId, out _))
        {
            return;
        }

        var user = await users.FindByIdAsync(userId);
        Verified = user is not null && (await users.ConfirmEmailAsync(user, code)).Succeeded;
    }
}
