using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using Fido2NetLib;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CiamServer.Passwordless.Passkeys;

internal static class PasskeyServiceCollectionExtensions
{
    /// <summary>IFido2 per request (relying party from the tenant and the request) and the passkey store.</summary>
    public static IServiceCollection AddCiamPasskeys(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOptions<PasswordlessOptions>()
            .Validate(o => o.Passkeys.CeremonyTimeout >= TimeSpan.FromSeconds(30) && o.Passkeys.CeremonyTimeout <= TimeSpan.FromMinutes(30),
                "Ciam:Passwordless:Passkeys:CeremonyTimeout must be between 30 seconds and 30 minutes (5 minutes is the default).")
            .Validate(o => o.Passkeys.RelyingPartyId is null || Uri.CheckHostName(o.Passkeys.RelyingPartyId) == UriHostNameType.Dns,
                "Ciam:Passwordless:Passkeys:RelyingPartyId must be a host name (a registrable domain such as example.com).");
        services.TryAddScoped<PasskeyRelyingParty>();
        // No metadata service: without the FIDO Metadata Service, attestation certificates are checked for
        // their signature but not chained to a vendor's root (docs/passkeys.md).
        services.TryAddScoped<IFido2>(p => new Fido2(p.GetRequiredService<PasskeyRelyingParty>().Configuration(), null!));
        services.TryAddScoped<PasskeyChallenges>();
        services.TryAddScoped(p => new PasskeyService(p.GetRequiredService<CiamDbContext>(), p.GetRequiredService<IFido2>(),
            p.GetRequiredService<PasskeyChallenges>(), p.GetRequiredService<ITenantContext>(), p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<ILogger<PasskeyService>>()));
        return services;
    }
}
