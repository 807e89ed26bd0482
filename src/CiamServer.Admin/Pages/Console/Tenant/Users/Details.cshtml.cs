using System.Text.Json;
using CiamServer.Admin.Console;
using CiamServer.Admin.SignIns;
using CiamServer.Admin.Users;
using CiamServer.Core.Sessions;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Admin.Pages.Console.Tenant.Users;

/// <summary>One user: profile, sign-in methods, sessions (each can be ended, as the sessions API does, audited the
/// same way) and the latest sign-in attempts with their risk assessment.</summary>
public sealed class DetailsModel(UserDirectory directory, ISessionManager sessions, UserManager<CiamUser> users) : TenantConsolePageModel
{
    public UserDetails? Details { get; private set; }

    /// <summary>What the actions panel (disable, unlock, reset MFA...) needs of the user.</summary>
    public UserActionsPanel? Panel { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Details = await directory.GetAsync(id, cancellationToken);
        if (Details is null || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return NotFound();
        }

        Panel = UserActionsPanel.From(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEndSessionAsync(Guid id, string? sessionId, CancellationToken cancellationToken)
    {
        if (await directory.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(sessionId) || !(await sessions.ListActiveAsync(id, cancellationToken)).Any(s => s.Id == sessionId))
        {
            StatusMessage = "That session had already ended.";
            return RedirectToPage(new { id });
        }

        await sessions.EndAsync(sessionId, SessionEndReasons.Administrator, cancellationToken);
        await Audit.WriteAsync("admin.sessions.ended", "user", id.ToString(), new { sessionId }, cancellationToken);
        StatusMessage = "Session ended: its tokens are revoked and its apps notified.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndAllSessionsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await directory.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var sessionIds = (await sessions.ListActiveAsync(id, cancellationToken)).Select(s => s.Id).ToList();
        await sessions.EndAllForUserAsync(id, SessionEndReasons.Administrator, cancellationToken);
        await Audit.WriteAsync("admin.sessions.ended_all", "user", id.ToString(), new { sessionIds }, cancellationToken);
        StatusMessage = sessionIds.Count == 1 ? "1 session ended." : $"{sessionIds.Count} sessions ended.";
        return RedirectToPage(new { id });
    }

    /// <summary>The assessment's reasons as one line ("New device (+30); ...").</summary>
    public static string ReasonsOf(SignInResource attempt) =>
        attempt.Reasons.ValueKind != JsonValueKind.Array ? string.Empty : string.Join("; ", attempt.Reasons.EnumerateArray().Select(r =>
            (r.TryGetProperty("message", out var m) ? m.GetString() : null) + (r.TryGetProperty("points", out var p) ? $" (+{p})" : string.Empty)));

    private AdminAudit Audit => HttpContext.RequestServices.GetRequiredService<AdminAudit>();
}
