using CiamServer.Admin.Sessions;
using CiamServer.Admin.SignIns;
using CiamServer.Core.Data;
using CiamServer.Core.Sessions;
using CiamServer.Mfa;
using CiamServer.Passwordless;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CiamServer.Admin.Users;

/// <summary>The current tenant's users as admins find and look at them: search by email, name, phone or id, one page
/// at a time (keyset cursor), and a user's profile, sign-in methods, sessions and recent risk events. Read only;
/// the API and the console pages both call it.</summary>
public sealed class UserDirectory(CiamDbContext db, ISessionManager sessions, MfaFactorService factors, IOptions<PasswordlessOptions> passwordless,
    TimeProvider time)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int RiskEventCount = 20;

    public async Task<UserSearchResult> SearchAsync(string? q, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (q?.Length > UserQuery.MaxLength)
        {
            errors["q"] = [$"At most {UserQuery.MaxLength} characters."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"Must be between 1 and {MaxLimit}."];
        }

        var query = UserQuery.Parse(errors.ContainsKey("q") ? null : q, passwordless.Value.DefaultPhoneRegion);
        UserCursor? after = null;
        if (!string.IsNullOrEmpty(cursor) && !UserCursor.TryDecode(cursor, query.Fingerprint(), out after))
        {
            errors["cursor"] = ["Not a cursor of this search: start again from the first page."];
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var take = limit ?? DefaultLimit;
        var listed = await ReadPageAsync(query, after, take, cancellationToken);
        var now = time.GetUtcNow();
        var items = listed.Take(take).Select(h => new UserSummary(h.Id, h.Email, h.EmailConfirmed, h.PhoneNumber, NameOf(h.GivenName, h.FamilyName),
            h.Disabled, h.LockoutEnd > now, h.CreatedAt)).ToList();
        var next = listed.Count > take ? new UserCursor(listed[take - 1].Key, listed[take - 1].Id, query.Fingerprint()).Encode() : null;
        return new(new UserPage(items, next), null);
    }

    /// <summary>Up to <paramref name="take"/> + 1 users after the cursor (one more than the page says whether there is a
    /// next page, without counting). A name search reads on while rows are users already listed under another key;
    /// when a read brings mostly such rows, the next reads have the database drop them.</summary>
    private async Task<List<UserHit>> ReadPageAsync(UserQuery query, UserCursor? after, int take, CancellationToken cancellationToken)
    {
        var listed = new List<UserHit>();
        var listedOnly = false;
        while (true)
        {
            var rows = await UserSearchQueries.For(db.Users.AsNoTracking(), query, after, take + 1, listedOnly).ToListAsync(cancellationToken);
            var kept = query.Kind != UserQueryKind.Name || listedOnly ? rows : rows.Where(r => r.IsWhereListed(query.Value)).ToList();
            listed.AddRange(kept);
            if (listed.Count > take || rows.Count <= take)
            {
                return listed;
            }

            after = new UserCursor(rows[^1].Key, rows[^1].Id, string.Empty);
            listedOnly = kept.Count * 2 < rows.Count;
        }
    }

    /// <summary>The user of the current tenant with that id, or null (also for another tenant's user).</summary>
    public async Task<UserDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .OrderBy(n => n).ToListAsync(cancellationToken);
        var profile = new UserProfile(user.Id, user.UserName, user.Email, user.EmailConfirmed, user.PhoneNumber, user.PhoneNumberConfirmed,
            user.GivenName, user.FamilyName, user.DisplayName, user.CreatedAt, user.UpdatedAt, user.Disabled, user.LockoutEnabled, user.LockoutEnd,
            user.LockoutEnd > time.GetUtcNow(), user.AccessFailedCount, roles);
        return new UserDetails(profile, await MethodsAsync(user.Id, user.PasswordHash is not null, cancellationToken),
            await SessionsAsync(id, cancellationToken), await RiskEventsAsync(id, cancellationToken));
    }

    private async Task<UserMethods> MethodsAsync(Guid id, bool passwordSet, CancellationToken cancellationToken)
    {
        var passkeys = await db.PasskeyCredentials.AsNoTracking().Where(c => c.UserId == id).OrderBy(c => c.CreatedAt)
            .Select(c => new PasskeySummary(c.Id, c.Name, c.CreatedAt, c.LastUsedAt, c.IsBackupEligible, c.IsBackedUp))
            .ToListAsync(cancellationToken);
        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == id).OrderBy(l => l.LoginProvider)
            .Select(l => new ExternalLoginSummary(l.LoginProvider, l.ProviderDisplayName, l.ProviderKey)).ToListAsync(cancellationToken);
        var mfa = await factors.GetAsync(id, cancellationToken);
        return new UserMethods(passwordSet, passkeys, mfa.Totp, mfa.RecoveryCodesRemaining, logins);
    }

    /// <summary>As the sessions API lists them.</summary>
    private async Task<IReadOnlyList<SessionResource>> SessionsAsync(Guid id, CancellationToken cancellationToken)
    {
        var active = await sessions.ListActiveAsync(id, cancellationToken);
        var clients = await sessions.ClientsOfAsync([.. active.Select(s => s.Id)], cancellationToken);
        return [.. active.Select(s => SessionResource.From(s, clients.TryGetValue(s.Id, out var names) ? names : []))];
    }

    /// <summary>The user's latest sign-in attempts with their risk assessment, as the sign-ins API shows them.</summary>
    private async Task<IReadOnlyList<SignInResource>> RiskEventsAsync(Guid id, CancellationToken cancellationToken)
    {
        var attempts = await db.SignInAttempts.AsNoTracking().Where(a => a.UserId == id).OrderByDescending(a => a.CreatedAt)
            .Take(RiskEventCount).ToListAsync(cancellationToken);
        return [.. attempts.Select(SignInResource.From)];
    }

    private static string? NameOf(string? given, string? family) =>
        string.Join(' ', new[] { given, family }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } name ? name : null;
}
