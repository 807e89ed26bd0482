using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Data;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Login.Infrastructure;
using CiamServer.Login.Passkeys;
using CiamServer.Passwordless.Passkeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Login.Pages.Account;

/// <summary>The user's passkeys: list, add (JSON steps for passkeys.js), rename, delete. Adding and deleting
/// need a recent sign-in, and the last way to sign in cannot be deleted.</summary>
[Authorize(AuthenticationSchemes = CiamAuthentication.SessionScheme)]
[RequestSizeLimit(PasskeyLimits.RequestBytes)]
[RequestFormLimits(ValueLengthLimit = PasskeyLimits.RequestBytes, KeyLengthLimit = 256, ValueCountLimit = 16)]
public sealed class PasskeysModel(
    PasskeyService passkeys,
    UserManager<CiamUser> users,
    CiamDbContext db,
    ISessionManager sessions,
    ITenantContext tenants,
    TimeProvider clock) : PageModel
{
    internal const string LastMethod = "You cannot delete this passkey: it is the only way you can sign in. Add another passkey or another way to sign in first.";

    public IReadOnlyList<PasskeyView> Passkeys { get; private set; } = [];

    public bool IsRecent { get; private set; }

    public string? Notice { get; private set; }

    public string? Message { get; private set; }

    public string Self => Request.PathBase + "/account/passkeys";

    public string SignInAgainUrl => RecentSignIn.SignInAgainUrl(Request, Self);

    private Guid UserId => Guid.Parse(User.FindFirstValue(CiamClaimTypes.Subject)!);

    /// <summary>False when the tenant no longer offers passkeys: the user can still see, rename and delete
    /// the ones they have, and add none.</summary>
    public bool CanAdd => tenants.Required.SignIn.Passkey;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var adding = context.HandlerMethod?.Name is "Options" or "Register";
        if (adding && !CanAdd)
        {
            context.Result = NotFound();
        }
    }

    public async Task OnGetAsync(bool added = false)
    {
        Notice = added ? "Your passkey has been added. Next time, sign in with it." : null;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostOptionsAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null)
        {
            return PasskeyJson.Error(PasskeyJson.Expired);
        }

        if (!await IsRecentAsync())
        {
            return PasskeyJson.Error(RecentSignIn.Message, SignInAgainUrl, StatusCodes.Status403Forbidden);
        }

        return PasskeyJson.Options(await passkeys.BeginRegistrationAsync(user, HttpContext.RequestAborted));
    }

    public async Task<IActionResult> OnPostRegisterAsync(string? state, string? credential, string? returnUrl)
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null)
        {
            return PasskeyJson.Error(PasskeyJson.Expired);
        }

        if (!await IsRecentAsync())
        {
            return PasskeyJson.Error(RecentSignIn.Message, SignInAgainUrl, StatusCodes.Status403Forbidden);
        }

        var result = await passkeys.CompleteRegistrationAsync(user, state, credential, DefaultName(), HttpContext.RequestAborted);
        return result.Succeeded
            ? PasskeyJson.Redirect(ReturnUrls.Safe(Request, string.IsNullOrEmpty(returnUrl) ? Self + "?added=true" : returnUrl))
            : PasskeyJson.Error(PasskeyJson.MessageFor(result.Failure));
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 100 || trimmed.Any(char.IsControl))
        {
            Message = "Enter a name of up to 100 characters.";
        }
        else if (await db.PasskeyCredentials.Where(c => c.Id == id && c.UserId == UserId)
                     .ExecuteUpdateAsync(set => set.SetProperty(c => c.Name, trimmed), HttpContext.RequestAborted) == 1)
        {
            Notice = "The passkey has been renamed.";
        }
        else
        {
            Message = "That passkey no longer exists.";
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        var count = await db.PasskeyCredentials.CountAsync(c => c.UserId == UserId, HttpContext.RequestAborted);
        var exists = await db.PasskeyCredentials.AnyAsync(c => c.Id == id && c.UserId == UserId, HttpContext.RequestAborted);
        if (user is null || !exists)
        {
            Message = "That passkey no longer exists.";
        }
        else if (!await IsRecentAsync())
        {
            Message = RecentSignIn.Message;
        }
        else if (SignInMethods.Count(user, tenants.Required.SignIn, count) <= 1)
        {
            Message = LastMethod;
        }
        else
        {
            await db.PasskeyCredentials.Where(c => c.Id == id && c.UserId == UserId).ExecuteDeleteAsync(HttpContext.RequestAborted);
            Notice = "The passkey has been deleted. Remove it from your device or password manager too.";
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        IsRecent = await IsRecentAsync();
        Passkeys = (await passkeys.ListAsync(UserId, HttpContext.RequestAborted))
            .Select(c => new PasskeyView(c.Id, c.Name, c.CreatedAt, c.LastUsedAt, c.IsBackupEligible))
            .ToList();
    }

    private Task<bool> IsRecentAsync() => RecentSignIn.IsRecentAsync(sessions, clock, User, HttpContext.RequestAborted);

    /// <summary>"Chrome 131 on Linux, 3 Mar 2026": where it was made and when; the user can rename it.</summary>
    private string DefaultName()
    {
        var device = DeviceDescription.Describe(Request.Headers.UserAgent.ToString());
        var date = clock.GetUtcNow().UtcDateTime.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var name = device.StartsWith("Unknown", StringComparison.Ordinal) ? $"Passkey, {date}" : $"{device}, {date}";
        return name.Length <= 100 ? name : name[..100];
    }

    public sealed record PasskeyView(Guid Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt, bool IsSynced);
}
