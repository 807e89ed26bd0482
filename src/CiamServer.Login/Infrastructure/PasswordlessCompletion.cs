using CiamServer.Core.Data;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Login.SignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Login.Infrastructure;

/// <summary>What happens once a code or link is accepted: the recipient is proven, so the account with that
/// verified address is signed in, or created (sign-up through the same flow).</summary>
public sealed class PasswordlessCompletion(
    UserManager<CiamUser> users,
    CiamDbContext db,
    ISessionManager sessions,
    SignInFlow flow,
    ITenantContext tenants)
{
    public async Task<Completion> CompleteAsync(HttpContext context, OneTimeCode code)
    {
        var (user, created) = await FindOrCreateAsync(code, context.RequestAborted);
        if (user is null)
        {
            return Completion.Failed("This code cannot be used. Ask for a new one.");
        }

        if (user.Disabled)
        {
            return Completion.Failed("This account is disabled. Contact support if you think this is a mistake.");
        }

        // RFC 8176: "otp" for a one-time code or link, plus "sms" when it came by text message.
        string[] methods = code.Channel == OneTimeCodeChannel.Sms ? ["otp", "sms"] : ["otp"];
        var returnUrl = ReturnUrls.Safe(context.Request, code.ReturnUrl);
        var offerPasskey = tenants.Required.SignIn.Passkey && (created || code.Purpose == OneTimeCodePurpose.Recovery);
        var step = await flow.FirstFactorPassedAsync(context, user, methods, offerPasskey ? AddPasskeyUrl(context.Request, returnUrl) : returnUrl);
        return step.Kind == SignInStepKind.Refused ? Completion.Failed(step.Error!) : Completion.SignedIn(step.RedirectTo!);
    }

    private async Task<(CiamUser? User, bool Created)> FindOrCreateAsync(OneTimeCode code, CancellationToken cancellationToken)
    {
        var user = code.Channel == OneTimeCodeChannel.Email
            ? await users.FindByEmailAsync(code.Recipient)
            : await users.Users.SingleOrDefaultAsync(u => u.PhoneNumber == code.Recipient, cancellationToken);
        if (user is not null)
        {
            await MarkRecipientVerifiedAsync(user, code, cancellationToken);
            return (user, false);
        }

        if (code.Purpose != OneTimeCodePurpose.SignIn)
        {
            return (null, false);
        }

        var account = code.Channel == OneTimeCodeChannel.Email
            ? new CiamUser { UserName = code.Recipient.ToLowerInvariant(), Email = code.Recipient.ToLowerInvariant(), EmailConfirmed = true }
            : new CiamUser { UserName = code.Recipient, PhoneNumber = code.Recipient, PhoneNumberConfirmed = true };
        var result = await users.CreateAsync(account);
        if (result.Succeeded)
        {
            return (account, true);
        }

        // Another request created it in the meantime (the same link opened twice at once): use that one.
        var existing = code.Channel == OneTimeCodeChannel.Email
            ? await users.FindByEmailAsync(code.Recipient)
            : await users.Users.SingleOrDefaultAsync(u => u.PhoneNumber == code.Recipient, cancellationToken);
        return (existing, false);
    }

    /// <summary>The first proof of an address that was never verified. Whoever registered the account with it
    /// may not be its owner (account pre-hijacking): that person's password and passkeys go, and their
    /// sessions end, so the owner takes over a clean account.</summary>
    private async Task MarkRecipientVerifiedAsync(CiamUser user, OneTimeCode code, CancellationToken cancellationToken)
    {
        var emailProven = code.Channel == OneTimeCodeChannel.Email && !user.EmailConfirmed;
        if (!emailProven)
        {
            return;
        }

        user.EmailConfirmed = true;
        user.PasswordHash = null;
        user.UpdatedAt = DateTime.UtcNow;
        await users.UpdateSecurityStampAsync(user);
        await db.PasskeyCredentials.Where(p => p.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await sessions.EndAllForUserAsync(user.Id, SessionEndReasons.EmailProven, cancellationToken);
    }

    private static string AddPasskeyUrl(HttpRequest request, string returnUrl) =>
        $"{request.PathBase}/account/passkeys/add{QueryString.Create("returnUrl", returnUrl)}";
}

public sealed record Completion(bool Succeeded, string? RedirectTo, string? Error)
{
    public static Completion SignedIn(string redirectTo) => new(true, redirectTo, null);

    public static Completion Failed(string error) => new(false, null, error);
}
