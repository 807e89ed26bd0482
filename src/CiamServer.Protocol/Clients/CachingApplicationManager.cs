using System.Diagnostics.CodeAnalysis;
using CiamServer.Core.Administration;
using CiamServer.Core.OpenIddict;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace CiamServer.Protocol.Clients;

/// <summary>OpenIddict's application manager with client-secret checks cached (see <see cref="ClientSecretVerificationCache"/>),
/// and the admin console's redirect URI taken from the request's own origin.</summary>
internal sealed class CachingApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store,
    ClientSecretVerificationCache verifications,
    IOptions<ProtocolOptions> protocol,
    IOptions<AdminOptions> admin,
    ITenantContext tenantContext,
    IHttpContextAccessor httpContextAccessor)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    public override async ValueTask<bool> ValidateClientSecretAsync(
        TApplication application, string secret, CancellationToken cancellationToken = default)
    {
        var storedHash = application is CiamApplication ciam ? ciam.ClientSecret : null;
        if (storedHash is null || !protocol.Value.CacheClientSecretVerifications)
        {
            return await base.ValidateClientSecretAsync(application, secret, cancellationToken);
        }

        if (verifications.WasVerified(storedHash, secret))
        {
            return true;
        }

        var valid = await base.ValidateClientSecretAsync(application, secret, cancellationToken);
        if (valid)
        {
            verifications.RememberVerified(storedHash, secret);
        }

        return valid;
    }

    /// <summary>The console client has no registered redirect URI: the server does not know the host names it is
    /// reached by. Its callback is accepted on the origin the authorization request itself came to, which a
    /// browser cannot forge for another site, so the code can only go back to this server's console.</summary>
    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, [StringSyntax(StringSyntaxAttribute.Uri)] string uri,
        CancellationToken cancellationToken = default)
    {
        if (IsConsoleClient(application) && httpContextAccessor.HttpContext?.Request is { } request)
        {
            return ConsoleClient.IsCallbackOf(uri, $"{request.Scheme}://{request.Host}{request.PathBase}");
        }

        return await base.ValidateRedirectUriAsync(application, uri, cancellationToken);
    }

    private bool IsConsoleClient(TApplication application) =>
        application is CiamApplication { ClientId: ConsoleClient.ClientId } ciam
        && tenantContext.Tenant is { } tenant && tenant.Id == ciam.TenantId
        && string.Equals(tenant.Slug, admin.Value.TenantSlug, StringComparison.Ordinal);
}
