using CiamServer.Core.Administration;
using CiamServer.Core.Authentication;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Admin.Bootstrap;

/// <summary>Creates what the console needs on first start: the admin tenant, the console's client, the ciam.admin
/// API scope, and the bootstrap super-admin when one is configured and none exists. Existing rows are left as
/// they are, so admins' later changes (branding, policies) survive restarts.</summary>
internal sealed partial class AdminTenantSeeder(
    CiamDbContext db,
    ITenantContext tenantContext,
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    UserManager<CiamUser> users,
    IOptions<AdminOptions> options,
    TimeProvider clock,
    ILogger<AdminTenantSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var tenant = await EnsureTenantAsync(cancellationToken);
        tenantContext.Set(tenant);
        await EnsureConsoleClientAsync(cancellationToken);
        await EnsureAdminScopeAsync(cancellationToken);
        await EnsureBootstrapAdminAsync(tenant, cancellationToken);
    }

    private async Task<Tenant> EnsureTenantAsync(CancellationToken cancellationToken)
    {
        var slug = options.Value.TenantSlug;
        if (await db.Tenants.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken) is { } existing)
        {
            return existing;
        }

        var tenant = new Tenant
        {
            Slug = slug,
            DisplayName = "Administration",
            // Admins sign in with a password or a passkey; codes by email or text are not strong enough for them.
            SignIn = new TenantSignInPolicy { Password = true, Passkey = true, EmailLink = false, EmailCode = false, SmsCode = false, PasskeyRecoveryByEmail = false },
            Mfa = new TenantMfaPolicy { Mode = options.Value.RequireMfa ? MfaMode.Required : MfaMode.Optional, AllowTotp = true, AllowWebAuthn = true },
        };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        LogTenantCreated(logger, slug);
        return tenant;
    }

    private async Task EnsureConsoleClientAsync(CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(ConsoleClient.ClientId, cancellationToken) is not null)
        {
            return;
        }

        // No redirect URI: the protocol module accepts the console's callback on the request's own origin.
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ConsoleClient.ClientId,
            DisplayName = "Admin console",
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
        };
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
            Permissions.Prefixes.Scope + Scopes.Profile, Permissions.Prefixes.Scope + Scopes.Email]);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    private async Task EnsureAdminScopeAsync(CancellationToken cancellationToken)
    {
        if (await scopes.FindByNameAsync(CiamAuthentication.AdminScope, cancellationToken) is not null)
        {
            return;
        }

        var descriptor = new OpenIddictScopeDescriptor
        {
            Name = CiamAuthentication.AdminScope,
            DisplayName = "Administer CiamServer",
            Description = "Manage the tenants you are an administrator of.",
        };
        descriptor.Resources.Add(CiamAuthentication.AdminScope);
        await scopes.CreateAsync(descriptor, cancellationToken);
    }

    private async Task EnsureBootstrapAdminAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.Bootstrap;
        if (string.IsNullOrWhiteSpace(bootstrap.Email) || string.IsNullOrEmpty(bootstrap.Password)
            || await db.AdminGrants.AnyAsync(g => g.TenantId == null, cancellationToken))
        {
            return;
        }

        var user = await users.FindByEmailAsync(bootstrap.Email);
        if (user is null)
        {
            user = new CiamUser { TenantId = tenant.Id, UserName = bootstrap.Email, Email = bootstrap.Email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, bootstrap.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Ciam:Admin:Bootstrap could not create the first admin: "
                    + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }

        db.AdminGrants.Add(new AdminGrant { UserId = user.Id, TenantId = null, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        LogBootstrapAdmin(logger, bootstrap.Email);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the admin tenant {Slug}.")]
    private static partial void LogTenantCreated(ILogger logger, string slug);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Made {Email} a super-admin (Ciam:Admin:Bootstrap). Remove the bootstrap password from the configuration once signed in.")]
    private static partial void LogBootstrapAdmin(ILogger logger, string email);
}

public static class AdminStartup
{
    /// <summary>Seeds the admin tenant, its console client and the bootstrap admin (see <see cref="AdminTenantSeeder"/>).</summary>
    public static async Task SeedAdminTenantAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminTenantSeeder>().SeedAsync(cancellationToken);
    }
}
