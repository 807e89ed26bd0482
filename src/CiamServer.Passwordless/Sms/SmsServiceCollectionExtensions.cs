using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CiamServer.Passwordless.Sms;

internal static class SmsServiceCollectionExtensions
{
    private static readonly TimeSpan TwilioTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The SMS sender chosen by <c>Ciam:Passwordless:Sms</c>: the pickup folder, Twilio, or none
    /// (<see cref="ISmsSender.IsConfigured"/> false). Chosen when first resolved, not here, so settings a host
    /// or test adds after registration count. Safe to call twice; hosts may replace the sender or transport.</summary>
    public static IServiceCollection AddCiamSms(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(QueuedSmsSender)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>());
        services.AddHttpClient(TwilioSmsTransport.HttpClientName, client => client.Timeout = TwilioTimeout);
        services.TryAddSingleton<ISmsTransport>(ChooseTransport);
        services.AddSingleton<QueuedSmsSender>();
        services.TryAddSingleton<ISmsSender>(provider => provider.GetRequiredService<QueuedSmsSender>());
        services.AddHostedService<SmsDeliveryService>();
        return services;
    }

    private static ISmsTransport ChooseTransport(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SmsOptions>>().Value;
        if (options.UsesPickupDirectory)
        {
            return ActivatorUtilities.CreateInstance<PickupDirectorySmsTransport>(provider);
        }

        return options.Twilio.IsSet ? ActivatorUtilities.CreateInstance<TwilioSmsTransport>(provider) : new NoSmsTransport();
    }
}
