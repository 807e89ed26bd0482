using CiamServer.Core;
using CiamServer.Passwordless.Codes;
using CiamServer.Passwordless.Passkeys;
using CiamServer.Passwordless.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Passwordless;

public static class PasswordlessServiceCollectionExtensions
{
    /// <summary>One-time codes and magic links, text messages and passkeys. The pages that use them are the
    /// hosted login pages (CiamServer.Login).</summary>
    public static IServiceCollection AddCiamPasswordless(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(OneTimeCodeService)))
        {
            return services;
        }

        services.AddCiamCore(configuration);
        services.AddOptions<PasswordlessOptions>().BindConfiguration(PasswordlessOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.CodeLifetime > TimeSpan.Zero && o.CodeLifetime <= TimeSpan.FromHours(1),
                "Ciam:Passwordless:CodeLifetime must be positive and at most an hour (10 minutes is the default).")
            .ValidateOnStart();
        services.AddScoped<OneTimeCodeService>();
        services.AddScoped<CodeSendThrottle>();
        services.AddHostedService<ExpiredCodePurge>();
        services.AddCiamSms();
        services.AddCiamPasskeys();
        return services;
    }
}
