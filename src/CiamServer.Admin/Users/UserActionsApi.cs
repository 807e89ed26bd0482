using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Users;

/// <summary>Actions on a tenant's users: create, invite, disable and enable, unlock, reset MFA, require a new password,
/// delete; and the bulk import (<see cref="UserImportApi"/>). The logic is in <see cref="UserActions"/>.</summary>
internal static class UserActionsApi
{
    public static void MapUserActionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("users").WithTags("User actions");
        group.MapPost(string.Empty, CreateAsync)
            .WithSummary("Create a user")
            .WithDescription("Creates an account with an email address and/or a phone number (E.164 or with a country code), names, roles of the " +
                "tenant, and optionally a password, which must meet the tenant's password policy (length, not a leaked password). A phone number " +
                "entered by an administrator counts as verified. 409 when the email address or number already has an account. Audited as admin.users.created.");
        group.MapPost("{id:guid}/invite", InviteAsync)
            .WithSummary("Invite a user to set a password")
            .WithDescription("Emails the user the hosted pages' password-reset link (valid once, for a day); using it sets the password and marks the " +
                "email address verified. 409 when the account has no email address or is disabled. Audited as admin.users.invited.");
        group.MapPost("{id:guid}/disable", DisableAsync)
            .WithSummary("Disable a user")
            .WithDescription("The account can no longer sign in; all its sessions end and their tokens are revoked (clients are notified). " +
                "Audited as admin.users.disabled.");
        group.MapPost("{id:guid}/enable", EnableAsync)
            .WithSummary("Enable a user")
            .WithDescription("Lets a disabled account sign in again. Audited as admin.users.enabled.");
        group.MapPost("{id:guid}/unlock", UnlockAsync)
            .WithSummary("Unlock a user")
            .WithDescription("Ends a lockout, resets the failed sign-in count and clears the sign-in throttle's pause of the account's email " +
                "address and phone number (the per-address pause stays). Audited as admin.users.unlocked.");
        group.MapPost("{id:guid}/reset-mfa", ResetMfaAsync)
            .WithSummary("Reset a user's MFA")
            .WithDescription("Removes the authenticator app, recovery codes, passkeys and security keys (WebAuthn), and remembered devices, then " +
                "ends the sessions. Audited as admin.users.mfa_reset with the counts removed.");
        group.MapPost("{id:guid}/force-password-reset", ForcePasswordResetAsync)
            .WithSummary("Require a new password at the next sign-in")
            .WithDescription("The next sign-in with the password (after its second factor, if any) must choose a new password before a session " +
                "starts; the sessions end now. 409 when the account has no password. Audited as admin.users.password_reset_forced.");
        group.MapDelete("{id:guid}", DeleteAsync)
            .WithSummary("Delete a user")
            .WithDescription("Ends the sessions (revoking tokens), then deletes the account with its factors, passkeys, devices, codes, sessions, " +
                "sign-in history, grants and tokens. The audit log keeps its entries. Audited as admin.users.deleted.");
        group.MapUserImportApi();
    }

    private static async Task<Results<Created<ManagedUser>, ValidationProblem, Conflict<ProblemDetails>>> CreateAsync(NewUser input,
        UserActions actions, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await actions.CreateAsync(input, cancellationToken);
        return result.Status switch
        {
            UserActionStatus.Done => TypedResults.Created($"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/{result.User!.Id}", result.User),
            UserActionStatus.Invalid => TypedResults.ValidationProblem(result.Errors!),
            _ => TypedResults.Conflict(Problem(result)),
        };
    }

    private static async Task<Results<Ok<ManagedUser>, NotFound, Conflict<ProblemDetails>>> InviteAsync(Guid id, UserActions actions, CancellationToken cancellationToken) =>
        Answer(await actions.InviteAsync(id, cancellationToken));

    private static async Task<Results<Ok<ManagedUser>, NotFound, Conflict<ProblemDetails>>> DisableAsync(Guid id, UserActions actions, CancellationToken cancellationToken) =>
        Answer(await actions.DisableAsync(id, cancellationToken));

    private static async Task<Results<Ok<ManagedUser>, NotFound, Conflict<ProblemDetails>>> EnableAsync(Guid id, UserActions actions, CancellationToken cancellationToken) =>
        Answer(await actions.EnableAsync(id, cancellationToken));

    private static async Task<Results<Ok<ManagedUser>, NotFound, Conflict<ProblemDetails>>> UnlockAsync(Guid id, UserActions actions, CancellationToken cancellationToken) =>
        Answer(await actions.UnlockAsync(id, cancellationToken));

    private static async Task<Results<Ok<ManagedUser>, NotFound, Conflict<ProblemDetails>>> ResetMfaAsync(Guid id, UserActions actions, CancellationToken cancellationToken) =>
        Answer(await actions.ResetMfaAsync(id, cancellationToken));

    private static async Task<Results<Ok<ManagedUser>, NotFound, Conflict<ProblemDetails>>> ForcePasswordResetAsync(Guid id, UserActions actions,
        CancellationToken cancellationToken) =>
        Answer(await actions.ForcePasswordResetAsync(id, cancellationToken));

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>>> DeleteAsync(Guid id, UserActions actions, CancellationToken cancellationToken)
    {
        var result = await actions.DeleteAsync(id, cancellationToken);
        return result.Status switch
        {
            UserActionStatus.Done => TypedResults.NoContent(),
            UserActionStatus.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Conflict(Problem(result)),
        };
    }

    private static Results<Ok<ManagedUser>, NotFound, Conflict<ProblemDetails>> Answer(UserActionResult result) => result.Status switch
    {
        UserActionStatus.Done => TypedResults.Ok(result.User!),
        UserActionStatus.NotFound => TypedResults.NotFound(),
        _ => TypedResults.Conflict(Problem(result)),
    };

    private static ProblemDetails Problem(UserActionResult result) =>
        new() { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = result.Message };
}
