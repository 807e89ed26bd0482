using CiamServer.Core.Data;
using CiamServer.Core.Email;
using CiamServer.Core.OpenIddict;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Throttling;
using CiamServer.Core.Users;
using CiamServer.Passwordless;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CiamServer.Admin.Users;

/// <summary>What an administrator does to one account of the current tenant: create, invite, disable and enable,
/// unlock, reset MFA, require a new password, delete. The admin API and the console both call this; each write is
/// audited (admin.users.&lt;verb&gt;) after it is saved, with before/after and no secret.</summary>
public sealed class UserActions(
    CiamDbContext db,
    UserManager<CiamUser> users,
    ISessionManager sessions,
    IEnumerable<IAccountThrottle> throttles,
    IEmailSender email,
    ITenantContext tenants,
    IHttpContextAccessor http,
    IOptions<PasswordlessOptions> passwordless,
    AdminAudit audit,
    TimeProvider clock)
{
    public async Task<UserActionResult> CreateAsync(NewUser input, CancellationToken cancellationToken)
    {
        var errors = UserActionsRules.Check(input.Email, input.Phone, input.GivenName, input.FamilyName, input.Roles,
            passwordless.Value.DefaultPhoneRegion, out var fields);
        errors = errors.Count > 0 ? errors : await UnknownRolesAsync(fields.Roles, cancellationToken);
        if (errors.Count > 0)
        {
            return UserActionResult.Invalid(errors);
        }

        if (await DuplicateOfAsync(fields, cancellationToken) is { } duplicate)
        {
            return UserActionResult.Conflict(duplicate);
        }

        var user = new CiamUser
        {
            UserName = fields.Email ?? fields.Phone,
            Email = fields.Email,
            EmailConfirmed = fields.Email is not null && input.EmailVerified,
            PhoneNumber = fields.Phone,
            // Only verified numbers are stored (text-message sign-in finds the account by it): the admin vouches for it.
            PhoneNumberConfirmed = fields.Phone is not null,
            GivenName = fields.GivenName,
            FamilyName = fields.FamilyName,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = string.IsNullOrEmpty(input.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, input.Password);
            if (created.Succeeded && fields.Roles.Count > 0)
            {
                created = await users.AddToRolesAsync(user, fields.Roles);
            }

            if (!created.Succeeded)
            {
                db.ChangeTracker.Clear();
                return FromIdentityErrors(created);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created the same name or number between the check and the insert.
            db.ChangeTracker.Clear();
            return UserActionResult.Conflict("An account with this email address or phone number already exists.");
        }

        var after = await ViewAsync(user);
        await audit.WriteAsync("admin.users.created", "user", user.Id.ToString(), AdminAudit.Change(null, after), cancellationToken);
        return UserActionResult.Done(after);
    }

    /// <summary>Emails the user a link to choose a password: the password-reset link of the hosted pages (same token,
    /// same page), which also marks the address verified once used.</summary>
    public async Task<UserActionResult> InviteAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        if (user is null)
        {
            return UserActionResult.NotFound;
        }

        if (user.Email is null)
        {
            return UserActionResult.Conflict("The account has no email address to send an invitation to.");
        }

        if (user.Disabled)
        {
            return UserActionResult.Conflict("The account is disabled: enable it before inviting the user.");
        }

        var link = TenantLink("/account/reset-password", new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(),
            ["code"] = await users.GeneratePasswordResetTokenAsync(user),
        });
        await email.SendAsync(UserActionsEmails.Invitation(user.Email, tenants.Required.DisplayName, link), cancellationToken);
        await audit.WriteAsync("admin.users.invited", "user", user.Id.ToString(), new { email = user.Email }, cancellationToken);
        return UserActionResult.Done(await ViewAsync(user));
    }

    /// <summary>Disables the account and ends its sessions (their tokens are revoked); outstanding emailed links die
    /// with the security stamp.</summary>
    public Task<UserActionResult> DisableAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "admin.users.disabled", user => new { disabled = user.Disabled }, async user =>
        {
            user.Disabled = true;
            await users.UpdateSecurityStampAsync(user);
            return true;
        }, cancellationToken);

    public Task<UserActionResult> EnableAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "admin.users.enabled", user => new { disabled = user.Disabled }, user =>
        {
            user.Disabled = false;
            return Task.FromResult(false);
        }, cancellationToken);

    /// <summary>Ends an Identity lockout and the sign-in throttle's pause of the account's names.</summary>
    public async Task<UserActionResult> UnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await ChangeAsync(id, "admin.users.unlocked", user => new { lockoutEnd = user.LockoutEnd, failedCount = user.AccessFailedCount }, user =>
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return Task.FromResult(false);
        }, cancellationToken);
        if (result.User is { } unlocked)
        {
            foreach (var name in new[] { unlocked.Email, unlocked.Phone }.OfType<string>())
            {
                foreach (var throttle in throttles)
                {
                    await throttle.ClearAccountAsync(name, cancellationToken);
                }
            }
        }

        return result;
    }

    /// <summary>Removes every second factor (authenticator app, recovery codes, passkeys and security keys, which
    /// are also WebAuthn second factors) and every remembered device, then ends the sessions.</summary>
    public async Task<UserActionResult> ResetMfaAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        if (user is null)
        {
            return UserActionResult.NotFound;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var removed = new
            {
                totp = await db.TotpAuthenticators.Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken),
                recoveryCodes = await db.RecoveryCodes.Where(c => c.UserId == id).ExecuteDeleteAsync(cancellationToken),
                passkeys = await db.PasskeyCredentials.Where(c => c.UserId == id).ExecuteDeleteAsync(cancellationToken),
                rememberedDevices = await db.RememberedDevices.Where(d => d.UserId == id).ExecuteDeleteAsync(cancellationToken),
            };
            await transaction.CommitAsync(cancellationToken);
            await sessions.EndAllForUserAsync(id, SessionEndReasons.Administrator, cancellationToken);
            await audit.WriteAsync("admin.users.mfa_reset", "user", id.ToString(), new { removed }, cancellationToken);
        }

        return UserActionResult.Done(await ViewAsync(user));
    }

    /// <summary>The next sign-in with the password must choose a new one before it goes on; sessions end now.</summary>
    public async Task<UserActionResult> ForcePasswordResetAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        if (user is null)
        {
            return UserActionResult.NotFound;
        }

        return user.PasswordHash is null
            ? UserActionResult.Conflict("The account has no password: send an invitation to let the user set one.")
            : await ChangeAsync(id, "admin.users.password_reset_forced", u => new { passwordChangeRequired = u.PasswordChangeRequired }, u =>
            {
                u.PasswordChangeRequired = true;
                return Task.FromResult(true);
            }, cancellationToken);
    }

    /// <summary>Ends the sessions (revoking their tokens, telling clients), then deletes in one transaction the
    /// account and all of it: factors, passkeys, devices, codes, sessions, sign-in history, grants and tokens. The
    /// audit log keeps its rows.</summary>
    public async Task<UserActionResult> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        if (user is null)
        {
            return UserActionResult.NotFound;
        }

        var before = await ViewAsync(user);
        await sessions.EndAllForUserAsync(id, SessionEndReasons.Administrator, cancellationToken);
        var subject = id.ToString();
        string[] recipients = [.. new[] { user.Email, user.PhoneNumber }.OfType<string>()];
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Set<CiamToken>().Where(t => t.Subject == subject || t.Authorization!.Subject == subject).ExecuteDeleteAsync(cancellationToken);
            await db.Set<CiamAuthorization>().Where(a => a.Subject == subject).ExecuteDeleteAsync(cancellationToken);
            await db.Sessions.Where(s => s.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.SignInAttempts.Where(a => a.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.OneTimeCodes.Where(c => recipients.Contains(c.Recipient)).ExecuteDeleteAsync(cancellationToken);
            // Factors, passkeys, devices, roles, claims and logins go with the row (cascades).
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                return UserActionResult.Conflict(string.Join(' ', deleted.Errors.Select(e => e.Description)));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await audit.WriteAsync("admin.users.deleted", "user", subject, AdminAudit.Change(before, null), cancellationToken);
        return UserActionResult.Done();
    }

    /// <summary>Loads, changes (the delegate says whether sessions end), saves, ends sessions, audits before/after.</summary>
    private async Task<UserActionResult> ChangeAsync(Guid id, string action, Func<CiamUser, object> state, Func<CiamUser, Task<bool>> change,
        CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        if (user is null)
        {
            return UserActionResult.NotFound;
        }

        var before = state(user);
        var endSessions = await change(user);
        user.UpdatedAt = Now;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return UserActionResult.Conflict(string.Join(' ', updated.Errors.Select(e => e.Description)));
        }

        if (endSessions)
        {
            await sessions.EndAllForUserAsync(id, SessionEndReasons.Administrator, cancellationToken);
        }

        await audit.WriteAsync(action, "user", id.ToString(), AdminAudit.Change(before, state(user)), cancellationToken);
        return UserActionResult.Done(await ViewAsync(user));
    }

    /// <summary>The user of the current tenant (the query filter hides every other tenant's).</summary>
    private Task<CiamUser?> FindAsync(Guid id) => users.FindByIdAsync(id.ToString());

    private async Task<ManagedUser> ViewAsync(CiamUser user) => ManagedUser.From(user, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)]);

    private async Task<Dictionary<string, string[]>> UnknownRolesAsync(IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (roles.Count == 0)
        {
            return errors;
        }

        var normalized = roles.Select(r => users.NormalizeName(r)).ToList();
        var known = await db.Roles.Where(r => normalized.Contains(r.NormalizedName!)).Select(r => r.NormalizedName!).ToListAsync(cancellationToken);
        var unknown = roles.Where(r => !known.Contains(users.NormalizeName(r))).ToList();
        if (unknown.Count > 0)
        {
            errors["roles"] = [.. unknown.Select(r => $"'{r}' is not one of the tenant's roles.")];
        }

        return errors;
    }

    private async Task<string?> DuplicateOfAsync(NormalizedUser fields, CancellationToken cancellationToken)
    {
        if (fields.Email is not null && (await users.FindByEmailAsync(fields.Email) is not null || await users.FindByNameAsync(fields.Email) is not null))
        {
            return "An account with this email address already exists.";
        }

        return fields.Phone is not null && await db.Users.AnyAsync(u => u.PhoneNumber == fields.Phone || u.NormalizedUserName == fields.Phone, cancellationToken)
            ? "An account with this phone number already exists."
            : null;
    }

    private static UserActionResult FromIdentityErrors(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            return UserActionResult.Conflict("An account with this email address or phone number already exists.");
        }

        return UserActionResult.Invalid(result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) ? "email"
                : e.Code.Contains("Role", StringComparison.Ordinal) ? "roles" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>A link to a page of the current tenant (its own base, <c>/t/{slug}</c>, whatever base the admin call
    /// came through: the cross-tenant API and the console run under the admin tenant).</summary>
    private string TenantLink(string path, IDictionary<string, string?> query)
    {
        var request = (http.HttpContext ?? throw new InvalidOperationException("Invitations are sent within a request.")).Request;
        var outerBase = request.PathBase.Value ?? string.Empty;
        var tenantSegment = outerBase.LastIndexOf("/t/", StringComparison.Ordinal);
        outerBase = tenantSegment >= 0 ? outerBase[..tenantSegment] : outerBase;
        return Microsoft.AspNetCore.Http.Extensions.UriHelper.BuildAbsolute(request.Scheme, request.Host,
            new PathString(outerBase + "/t/" + tenants.Required.Slug), path, QueryString.Create(query));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
