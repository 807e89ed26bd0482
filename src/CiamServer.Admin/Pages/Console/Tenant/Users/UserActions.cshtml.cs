using CiamServer.Admin.Console;
using CiamServer.Admin.Users;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Users;

/// <summary>The actions on one user (the panel of <c>_UserActions.cshtml</c>, and the confirmation of disable and
/// delete). Each POST handler calls <see cref="UserActions"/> and goes back to the user's page with a status line.</summary>
public sealed class UserActionsModel(UserActions actions, UserManager<CiamUser> users) : TenantConsolePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>"disable" or "delete": the step that asks before doing it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    public UserActionsPanel? Panel { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        Panel = UserActionsPanel.From(user);
        return Page();
    }

    public Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken) =>
        AnswerAsync(actions.InviteAsync(Id, cancellationToken), user => $"An invitation was sent to {user.Email}.");

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        AnswerAsync(actions.DisableAsync(Id, cancellationToken), _ => "The account is disabled and its sessions have ended.");

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        AnswerAsync(actions.EnableAsync(Id, cancellationToken), _ => "The account is enabled.");

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        AnswerAsync(actions.UnlockAsync(Id, cancellationToken), _ => "The account is unlocked.");

    public Task<IActionResult> OnPostResetMfaAsync(CancellationToken cancellationToken) =>
        AnswerAsync(actions.ResetMfaAsync(Id, cancellationToken), _ => "Every second factor and remembered device was removed; sessions have ended.");

    public Task<IActionResult> OnPostForcePasswordResetAsync(CancellationToken cancellationToken) =>
        AnswerAsync(actions.ForcePasswordResetAsync(Id, cancellationToken), _ => "The next sign-in must choose a new password; sessions have ended.");

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var result = await actions.DeleteAsync(Id, cancellationToken);
        if (result.Status == UserActionStatus.NotFound)
        {
            return NotFound();
        }

        StatusMessage = result.Status == UserActionStatus.Done ? "The user was deleted." : result.Message;
        return Redirect(TenantPath(result.Status == UserActionStatus.Done ? "users" : $"users/{Id}"));
    }

    private async Task<IActionResult> AnswerAsync(Task<UserActionResult> action, Func<ManagedUser, string> done)
    {
        var result = await action;
        if (result.Status == UserActionStatus.NotFound)
        {
            return NotFound();
        }

        StatusMessage = result.Status == UserActionStatus.Done ? done(result.User!) : result.Message;
        return Redirect(TenantPath($"users/{Id}"));
    }
}
