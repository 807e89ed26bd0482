using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CiamServer.Core.Data;
using CiamServer.Core.OpenIddict;
using CiamServer.Core.Tenancy;
using CiamServer.Import.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Admin.Tenants;

/// <summary>Writes a tenant as an import document (docs/import.md), streamed: settings, branding and policies,
/// API scopes, roles, clients without their secrets, and users page by page. Importing the document (under the
/// same or another slug) recreates what the format can hold.</summary>
public sealed class TenantExporter(TargetTenants scopes)
{
    public const int UserPageSize = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>What to include beyond the tenant's configuration.</summary>
    public sealed record Options(bool Users = true, bool PasswordHashes = false);

    public async Task WriteAsync(Tenant tenant, Options options, Stream output, CancellationToken cancellationToken)
    {
        await using var scope = scopes.For(tenant);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var scopeManager = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();
        // The writer fills a pipe (JsonSerializer flushes the writer, which must not block on the response), and
        // the pipe goes to the response asynchronously after each part.
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        await using var writer = new Utf8JsonWriter(pipe, new JsonWriterOptions { Indented = true, Encoder = Json.Encoder });

        writer.WriteStartObject();
        writer.WriteStartArray("tenants");
        writer.WriteStartObject();
        WriteSettings(writer, tenant);

        writer.WriteStartArray("apiScopes");
        foreach (var entity in await db.Set<CiamScope>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken))
        {
            JsonSerializer.Serialize(writer, await DescribeScopeAsync(scopeManager, entity, cancellationToken), Json);
        }

        writer.WriteEndArray();
        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(cancellationToken);
        writer.WritePropertyName("roles");
        JsonSerializer.Serialize(writer, roles, Json);
        writer.WriteStartArray("clients");
        foreach (var entity in await db.Set<CiamApplication>().AsNoTracking().OrderBy(a => a.ClientId).ToListAsync(cancellationToken))
        {
            JsonSerializer.Serialize(writer, await DescribeClientAsync(applications, entity, cancellationToken), Json);
        }

        writer.WriteEndArray();
        if (options.Users)
        {
            writer.WriteStartArray("users");
            await WriteUsersAsync(writer, pipe, db, options.PasswordHashes, cancellationToken);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        await pipe.FlushAsync(cancellationToken);
        await pipe.CompleteAsync();
    }

    private static void WriteSettings(Utf8JsonWriter writer, Tenant tenant)
    {
        var settings = new TenantImport
        {
            Slug = tenant.Slug,
            DisplayName = tenant.DisplayName,
            Enabled = tenant.Enabled,
            Branding = new BrandingImport { LogoUrl = tenant.Branding.LogoUrl, PrimaryColor = tenant.Branding.PrimaryColor },
            PasswordPolicy = new PasswordPolicyImport { MinLength = tenant.PasswordPolicy.MinLength },
            SessionPolicy = new SessionPolicyImport
            {
                IdleTimeoutMinutes = tenant.SessionPolicy.IdleTimeoutMinutes,
                AbsoluteLifetimeMinutes = tenant.SessionPolicy.AbsoluteLifetimeMinutes,
            },
            SignIn = new SignInImport
            {
                Password = tenant.SignIn.Password,
                EmailLink = tenant.SignIn.EmailLink,
                EmailCode = tenant.SignIn.EmailCode,
                SmsCode = tenant.SignIn.SmsCode,
                Passkey = tenant.SignIn.Passkey,
                PasskeyRecoveryByEmail = tenant.SignIn.PasskeyRecoveryByEmail,
                RequirePasskeyAttestation = tenant.SignIn.RequirePasskeyAttestation,
            },
            Mfa = new MfaImport
            {
                Mode = tenant.Mfa.Mode.ToString().ToLowerInvariant(),
                RequiredForRoles = tenant.Mfa.RolesRequiringMfa.Count > 0 ? [.. tenant.Mfa.RolesRequiringMfa] : null,
                AllowTotp = tenant.Mfa.AllowTotp,
                AllowWebAuthn = tenant.Mfa.AllowWebAuthn,
                AllowSms = tenant.Mfa.AllowSms,
                AllowEmail = tenant.Mfa.AllowEmail,
                RememberDeviceDays = tenant.Mfa.RememberDeviceDays,
            },
            Risk = new RiskImport { StepUpAt = tenant.Risk.StepUpAt, DenyAt = tenant.Risk.DenyAt },
        };

        // The settings' properties, written into the tenant object that the lists follow.
        using var document = JsonSerializer.SerializeToDocument(settings, Json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(writer);
        }
    }

    private static async Task<ApiScopeImport> DescribeScopeAsync(IOpenIddictScopeManager manager, CiamScope entity, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictScopeDescriptor();
        await manager.PopulateAsync(descriptor, entity, cancellationToken);
        return new ApiScopeImport
        {
            Name = descriptor.Name,
            DisplayName = descriptor.DisplayName,
            Description = descriptor.Description,
            Audiences = [.. descriptor.Resources.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>A client as the import describes it. The secret is never exported (only its hash is stored, and
    /// it is not to leave the server): a confidential client needs a new <c>secret</c> before the document is
    /// imported, and the import refuses it until then.</summary>
    internal static async Task<ClientImport> DescribeClientAsync(IOpenIddictApplicationManager manager, CiamApplication entity, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(descriptor, entity, cancellationToken);
        var grants = new List<string>();
        foreach (var (permission, grant) in new[]
                 {
                     (Permissions.GrantTypes.AuthorizationCode, GrantTypes.AuthorizationCode),
                     (Permissions.GrantTypes.RefreshToken, GrantTypes.RefreshToken),
                     (Permissions.GrantTypes.ClientCredentials, GrantTypes.ClientCredentials),
                 })
        {
            if (descriptor.Permissions.Contains(permission))
            {
                grants.Add(grant);
            }
        }

        var scopes = descriptor.Permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal).ToList();
        if (grants.Contains(GrantTypes.AuthorizationCode))
        {
            scopes.Insert(0, Scopes.OpenId);
        }

        return new ClientImport
        {
            ClientId = descriptor.ClientId,
            DisplayName = descriptor.DisplayName,
            Type = descriptor.ClientType == ClientTypes.Public ? "public" : "confidential",
            RedirectUris = descriptor.RedirectUris.Count > 0 ? [.. descriptor.RedirectUris.Select(u => u.OriginalString).Order(StringComparer.Ordinal)] : null,
            PostLogoutRedirectUris = descriptor.PostLogoutRedirectUris.Count > 0
                ? [.. descriptor.PostLogoutRedirectUris.Select(u => u.OriginalString).Order(StringComparer.Ordinal)]
                : null,
            BackchannelLogoutUri = entity.BackchannelLogoutUri,
            GrantTypes = grants,
            Scopes = scopes,
            ConsentRequired = descriptor.ConsentType == ConsentTypes.Explicit ? true : null,
        };
    }

    /// <summary>Users page by page (keyset on the id), each page with its users' roles, flushed as it goes so a
    /// big tenant never sits in memory. Users without an email (the format's key) are left out.</summary>
    private static async Task WriteUsersAsync(Utf8JsonWriter writer, PipeWriter pipe, CiamDbContext db, bool passwordHashes, CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var query = db.Users.AsNoTracking().Where(u => u.Email != null);
            if (after is { } last)
            {
                query = query.Where(u => u.Id.CompareTo(last) > 0);
            }

            var page = await query.OrderBy(u => u.Id).Take(UserPageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            var ids = page.Select(u => u.Id).ToList();
            var roles = (await (from membership in db.UserRoles
                                join role in db.Roles on membership.RoleId equals role.Id
                                where ids.Contains(membership.UserId)
                                select new { membership.UserId, role.Name })
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.UserId, r => r.Name!);
            foreach (var user in page)
            {
                JsonSerializer.Serialize(writer, new UserImport
                {
                    Email = user.Email,
                    PasswordHash = passwordHashes ? user.PasswordHash : null,
                    EmailVerified = user.EmailConfirmed,
                    GivenName = user.GivenName,
                    FamilyName = user.FamilyName,
                    Roles = roles[user.Id].Any() ? [.. roles[user.Id].Order(StringComparer.Ordinal)] : null,
                }, Json);
            }

            writer.Flush();
            await pipe.FlushAsync(cancellationToken);
            after = page[^1].Id;
        }
    }
}
