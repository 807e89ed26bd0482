using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Import.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Import;

/// <summary>Applies one tenant of an import: creates what is missing and updates what differs, so a
/// second run changes nothing. Passwords of existing users are never overwritten.</summary>
internal sealed class TenantImporter(
    CiamDbContext db,
    ITenantContext tenants,
    UserManager<CiamUser> users,
    RoleManager<CiamRole> roles,
    ClientImporter clients,
    ScopeImporter scopes)
{
    /// <summary>How many objects <see cref="ApplyAsync"/> goes through for this tenant (itself, its API scopes,
    /// roles, clients and users): the total a progress report counts towards.</summary>
    public static int CountObjects(TenantImport import) =>
        1 + (import.ApiScopes?.Count ?? 0) + (import.Roles?.Count ?? 0) + (import.Clients?.Count ?? 0) + (import.Users?.Count ?? 0);

    /// <summary>Applies the tenant; <paramref name="processed"/> (optional) is called once per object done.</summary>
    public async Task<int> ApplyAsync(string file, string path, TenantImport import, CancellationToken cancellationToken, Action? processed = null)
    {
        processed ??= static () => { };
        // OpenIddict's stores answer from entities the DbContext already tracks before the query filter
        // can hide them, so the previous tenant's "web" client would be found as this tenant's. Everything
        // before this point is saved; start each tenant with an empty change tracker.
        db.ChangeTracker.Clear();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Slug == import.Slug, cancellationToken);
        if (tenant is null)
        {
            tenant = new Tenant { Slug = import.Slug!, DisplayName = import.DisplayName! };
            db.Tenants.Add(tenant);
        }

        ApplySettings(tenant, import);
        var changes = await db.SaveChangesAsync(cancellationToken);
        tenants.Set(tenant);
        processed();

        foreach (var scope in import.ApiScopes ?? [])
        {
            changes += await scopes.ApplyAsync(scope, cancellationToken);
            processed();
        }

        foreach (var role in import.Roles ?? [])
        {
            if (await roles.FindByNameAsync(role) is null)
            {
                Check(await roles.CreateAsync(new CiamRole { Name = role }), file, $"{path}.roles");
                changes++;
            }

            processed();
        }

        foreach (var client in import.Clients ?? [])
        {
            changes += await clients.ApplyAsync(client, cancellationToken);
            processed();
        }

        foreach (var (user, i) in (import.Users ?? []).Select((u, i) => (u, i)))
        {
            changes += await ApplyUserAsync(user, file, $"{path}.users[{i}]");
            processed();
        }

        return changes;
    }

    private static void ApplySettings(Tenant tenant, TenantImport import)
    {
        tenant.DisplayName = import.DisplayName!;
        tenant.Enabled = import.Enabled ?? true;
        tenant.Branding.LogoUrl = import.Branding?.LogoUrl;
        tenant.Branding.PrimaryColor = import.Branding?.PrimaryColor ?? TenantBranding.DefaultPrimaryColor;
        tenant.Branding.AccentColor = import.Branding?.AccentColor;
        tenant.Branding.BackgroundColor = import.Branding?.BackgroundColor;
        tenant.Branding.TextColor = import.Branding?.TextColor;
        tenant.Branding.CustomCss = string.IsNullOrWhiteSpace(import.Branding?.CustomCss) ? null : import.Branding.CustomCss;
        tenant.PasswordPolicy.MinLength = import.PasswordPolicy?.MinLength ?? TenantPasswordPolicy.AbsoluteMinimumLength;
        var defaults = new TenantSessionPolicy();
        tenant.SessionPolicy.IdleTimeoutMinutes = import.SessionPolicy?.IdleTimeoutMinutes ?? defaults.IdleTimeoutMinutes;
        tenant.SessionPolicy.AbsoluteLifetimeMinutes = import.SessionPolicy?.AbsoluteLifetimeMinutes ?? defaults.AbsoluteLifetimeMinutes;
        var signIn = new TenantSignInPolicy();
        tenant.SignIn.Password = import.SignIn?.Password ?? signIn.Password;
        tenant.SignIn.EmailLink = import.SignIn?.EmailLink ?? signIn.EmailLink;
        tenant.SignIn.EmailCode = import.SignIn?.EmailCode ?? signIn.EmailCode;
        tenant.SignIn.SmsCode = import.SignIn?.SmsCode ?? signIn.SmsCode;
        tenant.SignIn.Passkey = import.SignIn?.Passkey ?? signIn.Passkey;
        tenant.SignIn.PasskeyRecoveryByEmail = import.SignIn?.PasskeyRecoveryByEmail ?? signIn.PasskeyRecoveryByEmail;
        tenant.SignIn.RequirePasskeyAttestation = import.SignIn?.RequirePasskeyAttestation ?? signIn.RequirePasskeyAttestation;
        var mfa = new TenantMfaPolicy();
        tenant.Mfa.Mode = import.Mfa?.Mode is { } mode ? Enum.Parse<MfaMode>(mode, ignoreCase: true) : mfa.Mode;
        tenant.Mfa.RequiredForRoles = import.Mfa?.RequiredForRoles is { Count: > 0 } roles ? string.Join(',', roles) : null;
        tenant.Mfa.AllowTotp = import.Mfa?.AllowTotp ?? mfa.AllowTotp;
        tenant.Mfa.AllowWebAuthn = import.Mfa?.AllowWebAuthn ?? mfa.AllowWebAuthn;
        tenant.Mfa.AllowSms = import.Mfa?.AllowSms ?? mfa.AllowSms;
        tenant.Mfa.AllowEmail = import.Mfa?.AllowEmail ?? mfa.AllowEmail;
        tenant.Mfa.RememberDeviceDays = import.Mfa?.RememberDeviceDays ?? mfa.RememberDeviceDays;
        var risk = new TenantRiskPolicy();
        tenant.Risk.StepUpAt = import.Risk?.StepUpAt ?? risk.StepUpAt;
        tenant.Risk.DenyAt = import.Risk?.DenyAt ?? risk.DenyAt;
    }

    private async Task<int> ApplyUserAsync(UserImport import, string file, string path)
    {
        var user = await users.FindByEmailAsync(import.Email!);
        var changes = 0;
        if (user is null)
        {
            // A hash from an export is stored as it is; Identity re-hashes it at the next sign-in if its
            // parameters are older than the server's.
            user = new CiamUser { UserName = import.Email, Email = import.Email, PasswordHash = import.PasswordHash };
            CopyNew(import, user);
            var created = import.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, import.Password);
            Check(created, file, import.Password is null ? path : path + ".password");
            changes++;
        }
        else if (CopyOnto(import, user))
        {
            user.UpdatedAt = DateTime.UtcNow;
            Check(await users.UpdateAsync(user), file, path);
            changes++;
        }

        var missingRoles = (import.Roles ?? []).Except(await users.GetRolesAsync(user), StringComparer.OrdinalIgnoreCase).ToList();
        if (missingRoles.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, missingRoles), file, path + ".roles");
            changes++;
        }

        return changes;
    }

    /// <summary>Fills a new user from the file.</summary>
    private static void CopyNew(UserImport import, CiamUser user)
    {
        user.GivenName = import.GivenName;
        user.FamilyName = import.FamilyName;
        user.EmailConfirmed = import.EmailVerified ?? false;
    }

    /// <summary>Updates an existing user: only the fields the file names, and a verified email is never
    /// taken back (the user proved it; a re-import must not undo that). True when anything changed.</summary>
    private static bool CopyOnto(UserImport import, CiamUser user)
    {
        var changed = false;
        if (import.GivenName is not null && user.GivenName != import.GivenName)
        {
            user.GivenName = import.GivenName;
            changed = true;
        }

        if (import.FamilyName is not null && user.FamilyName != import.FamilyName)
        {
            user.FamilyName = import.FamilyName;
            changed = true;
        }

        if (import.EmailVerified == true && !user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            changed = true;
        }

        return changed;
    }

    private static void Check(IdentityResult result, string file, string path)
    {
        if (!result.Succeeded)
        {
            throw new ImportException(result.Errors.Select(e => new ImportProblem(file, path, e.Description)).ToList());
        }
    }
}
