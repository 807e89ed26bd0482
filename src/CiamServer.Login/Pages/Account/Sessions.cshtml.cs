using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

/// <summary>The user's active sessions, with a way to end one or all of them. Ending a session revokes
/// its tokens and its SSO cookie (modules react through ISessionEndedHandler).</summary>
[Authorize(AuthenticationSchemes = CiamAuthentication.SessionScheme)]
public sealed class SessionsModel(ISessionManager sessions) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public string? Notice { get; private set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(CiamClaimTypes.Subject)!);

    private string? CurrentSessionId => User.FindFirstValue(CiamClaimTypes.SessionId);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEndAsync(string? sessionId)
    {
        var own = (await sessions.ListActiveAsync(UserId, HttpContext.RequestAborted)).Any(s => s.Id == sessionId);
        if (!own)
        {
            Notice = "That session has already ended.";
            await LoadAsync();
            return Page();
        }

        await sessions.EndAsync(sessionId!, SessionEndReasons.EndedByUser, HttpContext.RequestAborted);
        if (sessionId == CurrentSessionId)
        {
            await HttpContext.SignOutAsync(CiamAuthentication.SessionScheme);
            return RedirectToPage("SignedOut");
        }

        Notice = "The session has been signed out.";
        await LoadAsync();
        return Page();
    }

    /// <summary>"Sign out of your other sessions", offered after a change of password or of a way to sign in
    /// (ASVS 7): every session of the user but this one ends.</summary>
    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        foreach (var other in (await sessions.ListActiveAsync(UserId, HttpContext.RequestAborted)).Where(s => s.Id != CurrentSessionId))
        {
            await sessions.EndAsync(other.Id, SessionEndReasons.EndedByUser, HttpContext.RequestAborted);
        }

        Notice = "Your other sessions have been signed out.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEndAllAsync()
    {
        await sessions.EndAllForUserAsync(UserId, SessionEndReasons.SignOutEverywhere, HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CiamAuthentication.SessionScheme);
        return RedirectToPage("SignedOut");
    }

    private async Task LoadAsync()
    {
        var active = await sessions.ListActiveAsync(UserId, HttpContext.RequestAborted);
        var clients = await sessions.ClientsOfAsync([.. active.Select(s => s.Id)], HttpContext.RequestAborted);
        Sessions = active
            .Select(s => new SessionView(s.Id, DeviceDescription.Describe(s.UserAgent), s.IpAddress, s.Location, s.CreatedAt, s.LastSeenAt,
                s.Id == CurrentSessionId, clients.TryGetValue(s.Id, out var names) ? names : []))
            .ToList();
    }

    public sealed record SessionView(string Id, string Device, string? IpAddress, string? Location, DateTime CreatedAt, DateTime LastSeenAt, bool IsCurrent,
        IReadOnlyList<string> Clients);
}
