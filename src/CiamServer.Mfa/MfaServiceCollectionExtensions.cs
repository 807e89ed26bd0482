using CiamServer.Core;
using CiamServer.Mfa.Devices;
using CiamServer.Mfa.RecoveryCodes;
using CiamServer.Mfa.Totp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CiamServer.Mfa;

public static class MfaServiceCollectionExtensions
{
    /// <summary>Authenticator apps, recovery codes, remembered devices and the factor summary, with <c>Ciam:Mfa</c>
    /// checked at start-up. Safe to call twice; services are added with TryAdd so a host can replace them. The pages
    /// that use them are the hosted login pages (CiamServer.Login).</summary>
    public static IServiceCollection AddCiamMfa(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(MfaMarker)))
        {
            return services;
        }

        services.AddSingleton<MfaMarker>();
        services.AddCiamCore(configuration);
        services.AddHttpContextAccessor();
        services.AddOptions<MfaOptions>().BindConfiguration(MfaOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MfaOptions>, MfaOptionsValidator>());
        services.TryAddScoped<TotpService>();
        services.TryAddScoped<RecoveryCodeService>();
        services.TryAddScoped<RememberedDeviceService>();
        services.TryAddScoped<MfaFactorService>();
        return services;
    }

    private sealed class MfaMarker;
}
