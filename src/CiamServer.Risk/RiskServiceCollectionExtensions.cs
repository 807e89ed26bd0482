using CiamServer.Core;
using CiamServer.Risk.Counters;
using CiamServer.Risk.Engine;
using CiamServer.Risk.Geo;
using CiamServer.Risk.History;
using CiamServer.Risk.Networks;
using CiamServer.Risk.Signals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CiamServer.Risk;

public static class RiskServiceCollectionExtensions
{
    /// <summary>The risk engine (<see cref="IRiskEngine"/>, scoped), its counters (<see cref="IRiskCounters"/>:
    /// Redis when Core has a connection, else memory), the default <see cref="ISignInHistory"/> over
    /// <c>sign_in_attempts</c>, geolocation and the signals; <c>Ciam:Risk</c> validated at start-up. Safe to call
    /// twice; services registered before it (history, counters, geo, engine) are kept.</summary>
    public static IServiceCollection AddCiamRisk(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(RiskMarker)))
        {
            return services;
        }

        services.AddSingleton<RiskMarker>();
        services.AddCiamCore(configuration);
        services.AddOptions<RiskOptions>().BindConfiguration(RiskOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RiskOptions>, RiskOptionsValidator>());

        services.TryAddSingleton<IRiskGeo, RiskGeo>();
        services.TryAddSingleton<RiskAddressLists>();
        services.TryAddSingleton<MemoryRiskCounterStore>();
        // Core registers the connection only when Ciam:Redis is configured; chosen when first resolved.
        services.TryAddScoped<IRiskCounters>(provider => provider.GetService<IConnectionMultiplexer>() is null
            ? ActivatorUtilities.CreateInstance<MemoryRiskCounters>(provider)
            : ActivatorUtilities.CreateInstance<RedisRiskCounters>(provider));
        services.TryAddScoped<ISignInHistory, DatabaseSignInHistory>();
        services.TryAddScoped<IRiskEngine, RiskEngine>();

        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IRiskSignal, DenyListSignal>(),
            ServiceDescriptor.Singleton<IRiskSignal, AnonymizerSignal>(),
            ServiceDescriptor.Singleton<IRiskSignal, NewDeviceSignal>(),
            ServiceDescriptor.Singleton<IRiskSignal, NewLocationSignal>(),
            ServiceDescriptor.Singleton<IRiskSignal, ImpossibleTravelSignal>(),
            ServiceDescriptor.Singleton<IRiskSignal, AccountFailuresSignal>(),
            ServiceDescriptor.Singleton<IRiskSignal, AddressFailuresSignal>(),
            ServiceDescriptor.Singleton<IRiskSignal, ManyAccountsSignal>(),
            ServiceDescriptor.Singleton<IRiskSignal, UnusualHourSignal>(),
        ]);
        return services;
    }

    private sealed class RiskMarker;
}
