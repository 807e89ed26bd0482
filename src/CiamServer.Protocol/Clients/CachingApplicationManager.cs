using CiamServer.Core.OpenIddict;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace CiamServer.Protocol.Clients;

/// <summary>OpenIddict's application manager with client-secret checks cached (see <see cref="ClientSecretVerificationCache"/>).</summary>
internal sealed class CachingApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store,
    ClientSecretVerificationCache verifications,
    IOptions<ProtocolOptions> protocol)
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
}
