using System.Globalization;
using System.Security.Cryptography;
using CiamServer.Core.Administration;
using CiamServer.Core.Data;
using CiamServer.Core.OpenIddict;
using CiamServer.Core.Tenancy;
using CiamServer.Import;
using CiamServer.Import.Model;
using CiamServer.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Admin.Clients;

/// <summary>The clients of the current tenant, for the admin API and the console: the same rules as the import
/// (<see cref="ClientRules"/>, <see cref="ClientDescriptors"/>), secrets generated here and shown once (OpenIddict
/// stores only their hash), per-client token lifetimes as OpenIddict application settings, and disabling.</summary>
public sealed class ClientAdmin(
    CiamDbContext db,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    IOptions<ProtocolOptions> protocol,
    ITenantContext tenants,
    IHttpContextAccessor http,
    IOptions<AdminOptions> admin,
    AdminAudit audit)
{
    private const string ConsoleClientRefusal = "This is the admin console's own client, which the server manages: it cannot be changed here.";

    /// <summary>256 bits from the system's CSPRNG, base64url (43 characters).</summary>
    private const int SecretBytes = 32;

    public async Task<Outcome<Page<ClientResource>>> ListAsync(int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var request = PageRequest.Parse(limit, cursor);
        if (!request.Succeeded)
        {
            return request.Refusal<Page<ClientResource>>();
        }

        var page = request.Value;
        var query = db.Set<CiamApplication>().AsNoTracking();
        if (page.After is { } after)
        {
            query = query.Where(a => string.Compare(a.ClientId, after) > 0);
        }

        var fetched = await query.OrderBy(a => a.ClientId).Take(page.Limit + 1).ToListAsync(cancellationToken);
        var resources = new List<ClientResource>(fetched.Count);
        foreach (var application in fetched)
        {
            resources.Add(await ToResourceAsync(application, cancellationToken));
        }

        return Outcome<Page<ClientResource>>.Done(page.Complete(resources, r => r.ClientId, r => r));
    }

    /// <summary>The scopes a client may be given: the standard ones and the tenant's API scopes.</summary>
    public async Task<IReadOnlyList<string>> AvailableScopesAsync(CancellationToken cancellationToken) =>
        [.. ClientRules.StandardScopes, .. (await db.Set<CiamScope>().Where(s => s.Name != null).Select(s => s.Name!).ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal)];

    public async Task<ClientResource?> GetAsync(string clientId, CancellationToken cancellationToken) =>
        await FindAsync(clientId, cancellationToken) is { } application ? await ToResourceAsync(application, cancellationToken) : null;

    public async Task<Outcome<ClientWithSecret>> CreateAsync(ClientCreateInput input, CancellationToken cancellationToken)
    {
        var registration = Registration(input.ClientId, input.Type, input);
        var errors = await CheckAsync(registration, input.TokenLifetimes, cancellationToken);
        if (errors.Any)
        {
            return Outcome<ClientWithSecret>.Invalid(errors.ToDictionary());
        }

        if (await applications.FindByClientIdAsync(input.ClientId!, cancellationToken) is not null)
        {
            return Outcome<ClientWithSecret>.InConflict($"A client '{input.ClientId}' already exists in this tenant.");
        }

        var descriptor = ClientDescriptors.Describe(registration);
        SetLifetimes(descriptor, input.TokenLifetimes);
        var application = new CiamApplication { BackchannelLogoutUri = input.BackchannelLogoutUri };
        await applications.PopulateAsync(application, descriptor, cancellationToken);
        var secret = descriptor.ClientType == ClientTypes.Confidential ? NewSecret() : null;
        try
        {
            // The manager hashes the secret (PBKDF2) before it is stored; the plain value is only in this answer.
            await (secret is null
                ? applications.CreateAsync(application, cancellationToken)
                : applications.CreateAsync(application, secret, cancellationToken));
        }
        catch (DbUpdateException)
        {
            // Created at the same moment by another request: the unique (tenant, client id) index refused this one.
            db.ChangeTracker.Clear();
            return Outcome<ClientWithSecret>.InConflict($"A client '{input.ClientId}' already exists in this tenant.");
        }

        var created = await ToResourceAsync(application, cancellationToken);
        await audit.WriteAsync("admin.clients.created", "client", created.ClientId, AdminAudit.Change(null, created), cancellationToken);
        return Outcome<ClientWithSecret>.Done(new ClientWithSecret(created, secret));
    }

    public async Task<Outcome<ClientResource>> UpdateAsync(string clientId, ClientSettingsInput input, CancellationToken cancellationToken)
    {
        if (await FindAsync(clientId, cancellationToken) is not { } application)
        {
            return Outcome<ClientResource>.Missing();
        }

        if (IsConsoleClient(clientId))
        {
            return Outcome<ClientResource>.InConflict(ConsoleClientRefusal);
        }

        var before = await ToResourceAsync(application, cancellationToken);
        var registration = Registration(clientId, before.Type, input);
        var errors = await CheckAsync(registration, input.TokenLifetimes, cancellationToken);
        if (errors.Any)
        {
            return Outcome<ClientResource>.Invalid(errors.ToDictionary());
        }

        // Start from what is stored (the secret's hash, settings and properties stay) and replace what the input sets.
        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, application, cancellationToken);
        var desired = ClientDescriptors.Describe(registration);
        current.DisplayName = desired.DisplayName;
        current.ConsentType = desired.ConsentType;
        Replace(current.RedirectUris, desired.RedirectUris);
        Replace(current.PostLogoutRedirectUris, desired.PostLogoutRedirectUris);
        Replace(current.Permissions, desired.Permissions);
        Replace(current.Requirements, desired.Requirements);
        SetLifetimes(current, input.TokenLifetimes);
        application.BackchannelLogoutUri = input.BackchannelLogoutUri;
        await applications.UpdateAsync(application, current, cancellationToken);

        var after = await ToResourceAsync(application, cancellationToken);
        await audit.WriteAsync("admin.clients.updated", "client", clientId, AdminAudit.Change(before, after), cancellationToken);
        return Outcome<ClientResource>.Done(after);
    }

    /// <summary>A new generated secret replaces the old one at once (the old one stops working; tokens already
    /// issued stay valid until they expire).</summary>
    public async Task<Outcome<ClientWithSecret>> RotateSecretAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await FindAsync(clientId, cancellationToken) is not { } application)
        {
            return Outcome<ClientWithSecret>.Missing();
        }

        if (await applications.HasClientTypeAsync(application, ClientTypes.Public, cancellationToken))
        {
            return Outcome<ClientWithSecret>.InConflict("A public client has no secret to rotate.");
        }

        var secret = NewSecret();
        await applications.UpdateAsync(application, secret, cancellationToken);
        await audit.WriteAsync("admin.clients.secret_rotated", "client", clientId, null, cancellationToken);
        return Outcome<ClientWithSecret>.Done(new ClientWithSecret(await ToResourceAsync(application, cancellationToken), secret));
    }

    /// <summary>Disabling refuses the client every authorization and token from now on and revokes the tokens it
    /// holds (refresh tokens, and access tokens where they are checked against the server); enabling lets it ask
    /// again, but brings no revoked token back.</summary>
    public async Task<Outcome<ClientResource>> SetDisabledAsync(string clientId, bool disabled, CancellationToken cancellationToken)
    {
        if (await FindAsync(clientId, cancellationToken) is not { } application)
        {
            return Outcome<ClientResource>.Missing();
        }

        if (disabled && IsConsoleClient(clientId))
        {
            return Outcome<ClientResource>.InConflict(ConsoleClientRefusal);
        }

        if (disabled && IsCaller(clientId))
        {
            return Outcome<ClientResource>.InConflict("This request is made with a token of this client; disable it from another admin client.");
        }

        var before = await ToResourceAsync(application, cancellationToken);
        if (application.Disabled == disabled)
        {
            return Outcome<ClientResource>.Done(before);
        }

        await db.InTransactionAsync(async () =>
        {
            application.Disabled = disabled;
            await applications.UpdateAsync(application, cancellationToken);
            if (disabled)
            {
                await tokens.RevokeByApplicationIdAsync(application.Id.ToString(), cancellationToken);
            }

            return true;
        }, done => done, cancellationToken);

        var after = await ToResourceAsync(application, cancellationToken);
        await audit.WriteAsync(disabled ? "admin.clients.disabled" : "admin.clients.enabled", "client", clientId,
            AdminAudit.Change(new { before.Disabled }, new { after.Disabled }), cancellationToken);
        return Outcome<ClientResource>.Done(after);
    }

    /// <summary>Deletes the client with its authorizations and tokens (OpenIddict's store does it in one transaction).</summary>
    public async Task<Outcome<bool>> DeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await FindAsync(clientId, cancellationToken) is not { } application)
        {
            return Outcome<bool>.Missing();
        }

        if (IsConsoleClient(clientId))
        {
            return Outcome<bool>.InConflict(ConsoleClientRefusal);
        }

        if (IsCaller(clientId))
        {
            return Outcome<bool>.InConflict("This request is made with a token of this client; delete it from another admin client.");
        }

        var before = await ToResourceAsync(application, cancellationToken);
        await applications.DeleteAsync(application, cancellationToken);
        await audit.WriteAsync("admin.clients.deleted", "client", clientId, AdminAudit.Change(before, null), cancellationToken);
        return Outcome<bool>.Done(true);
    }

    private async Task<CiamApplication?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) as CiamApplication;

    /// <summary>The input in the import's shape, so that <see cref="ClientRules"/> and <see cref="ClientDescriptors"/> apply as they are.</summary>
    private static ClientImport Registration(string? clientId, string? type, ClientSettingsInput input) => new()
    {
        ClientId = clientId,
        Type = type,
        DisplayName = input.DisplayName,
        RedirectUris = input.RedirectUris ?? [],
        PostLogoutRedirectUris = input.PostLogoutRedirectUris ?? [],
        BackchannelLogoutUri = input.BackchannelLogoutUri,
        GrantTypes = input.GrantTypes ?? [],
        Scopes = input.Scopes ?? [],
        ConsentRequired = input.ConsentRequired,
    };

    private async Task<FieldErrors> CheckAsync(ClientImport registration, TokenLifetimes? lifetimes, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var scopeNames = new HashSet<string>(ClientRules.StandardScopes, StringComparer.Ordinal);
        scopeNames.UnionWith(await db.Set<CiamScope>().Where(s => s.Name != null).Select(s => s.Name!).ToListAsync(cancellationToken));
        ClientRules.Check(registration, scopeNames, errors.Add);
        var server = protocol.Value;
        CheckLifetime(errors, "accessTokenSeconds", lifetimes?.AccessTokenSeconds, 60, server.AccessTokenLifetime);
        CheckLifetime(errors, "identityTokenSeconds", lifetimes?.IdentityTokenSeconds, 60, server.IdentityTokenLifetime);
        CheckLifetime(errors, "refreshTokenSeconds", lifetimes?.RefreshTokenSeconds, 300, server.RefreshTokenIdleLifetime);
        return errors;
    }

    private static void CheckLifetime(FieldErrors errors, string field, int? seconds, int minimum, TimeSpan serverLifetime)
    {
        var maximum = (int)serverLifetime.TotalSeconds;
        if (seconds is { } value && (value < minimum || value > maximum))
        {
            errors.Add("tokenLifetimes." + field, $"must be between {minimum} and {maximum} seconds (the server's lifetime), or null for the server's.");
        }
    }

    private static void SetLifetimes(OpenIddictApplicationDescriptor descriptor, TokenLifetimes? lifetimes)
    {
        Set(Settings.TokenLifetimes.AccessToken, lifetimes?.AccessTokenSeconds);
        Set(Settings.TokenLifetimes.IdentityToken, lifetimes?.IdentityTokenSeconds);
        Set(Settings.TokenLifetimes.RefreshToken, lifetimes?.RefreshTokenSeconds);

        void Set(string key, int? seconds)
        {
            if (seconds is { } value)
            {
                descriptor.Settings[key] = TimeSpan.FromSeconds(value).ToString("c", CultureInfo.InvariantCulture);
            }
            else
            {
                descriptor.Settings.Remove(key);
            }
        }
    }

    private async Task<ClientResource> ToResourceAsync(CiamApplication application, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        return new ClientResource(
            descriptor.ClientId!,
            descriptor.DisplayName ?? descriptor.ClientId!,
            descriptor.ClientType ?? ClientTypes.Confidential,
            application.Disabled,
            descriptor.ConsentType == ConsentTypes.Explicit,
            descriptor.RedirectUris.Select(u => u.OriginalString).Order(StringComparer.Ordinal).ToList(),
            descriptor.PostLogoutRedirectUris.Select(u => u.OriginalString).Order(StringComparer.Ordinal).ToList(),
            application.BackchannelLogoutUri,
            ClientDescriptors.GrantTypesOf(descriptor),
            ClientDescriptors.ScopesOf(descriptor),
            new TokenLifetimes(
                Seconds(descriptor, Settings.TokenLifetimes.AccessToken),
                Seconds(descriptor, Settings.TokenLifetimes.IdentityToken),
                Seconds(descriptor, Settings.TokenLifetimes.RefreshToken)));
    }

    private static int? Seconds(OpenIddictApplicationDescriptor descriptor, string key) =>
        descriptor.Settings.TryGetValue(key, out var value) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var lifetime)
            ? (int)lifetime.TotalSeconds
            : null;

    private static void Replace<T>(HashSet<T> target, HashSet<T> source)
    {
        target.Clear();
        target.UnionWith(source);
    }

    /// <summary>True when the call is made with a token of this very client of this tenant: disabling or deleting
    /// it would lock the caller out.</summary>
    private bool IsCaller(string clientId)
    {
        var user = http.HttpContext?.User;
        if (user?.FindFirst("client_id")?.Value != clientId)
        {
            return false;
        }

        var issuer = user.FindFirst("iss")?.Value;
        return issuer is null || issuer.EndsWith("/t/" + tenants.Required.Slug, StringComparison.Ordinal);
    }

    /// <summary>The console signs administrators in through this client of the admin tenant: changing, disabling or
    /// deleting it would lock every administrator out.</summary>
    private bool IsConsoleClient(string clientId) =>
        clientId == ConsoleClient.ClientId && tenants.Required.Slug == admin.Value.TenantSlug;

    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));
}
