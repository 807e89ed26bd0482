using CiamServer.TokenValidation.Internal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiamServer.TokenValidation;

public static class CiamJwtBearerExtensions
{
    /// <summary>The health check of the default scheme; other schemes get <c>ciam-revocation-{scheme}</c>.</summary>
    public const string HealthCheckName = "ciam-revocation";

    /// <summary>Validates CiamServer access tokens under the "Bearer" scheme. See <see cref="AddCiamJwtBearer(AuthenticationBuilder, string, Action{CiamJwtBearerOptions})"/>.</summary>
    public static AuthenticationBuilder AddCiamJwtBearer(this AuthenticationBuilder builder, Action<CiamJwtBearerOptions> configure) =>
        builder.AddCiamJwtBearer(JwtBearerDefaults.AuthenticationScheme, configure);

    /// <summary>Validates CiamServer access tokens (JWT bearer with discovery, JWKS, typ at+jwt, RS256/ES256/PS256)
    /// and refuses revoked ones with a local lookup, fed from Redis by a hosted service. Adds the health check
    /// <see cref="HealthCheckNameFor"/>. Calling it again for the same scheme adds the settings to the first call's.</summary>
    public static AuthenticationBuilder AddCiamJwtBearer(this AuthenticationBuilder builder, string authenticationScheme,
        Action<CiamJwtBearerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        ArgumentNullException.ThrowIfNull(configure);
        var scheme = authenticationScheme;
        var services = builder.Services;
        services.AddOptions<CiamJwtBearerOptions>(scheme).Configure(configure).ValidateOnStart();
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(RevocationGuard) && Equals(d.ServiceKey, scheme)))
        {
            return builder;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CiamJwtBearerOptions>, CiamJwtBearerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        builder.AddJwtBearer(scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(scheme)
            .Configure<IOptionsMonitor<CiamJwtBearerOptions>>((jwt, ciam) => JwtBearerSetup.Apply(jwt, ciam.Get(scheme)));

        services.AddKeyedSingleton(scheme, (_, _) => new RevocationSet());
        services.AddKeyedSingleton(scheme, (provider, _) =>
            new RevocationFreshness(provider.GetRequiredService<TimeProvider>(), OptionsOf(provider, scheme).FailClosedAfter));
        services.AddKeyedSingleton(scheme, (provider, _) => new RevocationGuard(
            provider.GetRequiredKeyedService<RevocationSet>(scheme),
            provider.GetRequiredKeyedService<RevocationFreshness>(scheme),
            OptionsOf(provider, scheme).FailOpen));
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>>(provider => new RevocationEvents(scheme,
            provider.GetRequiredKeyedService<RevocationGuard>(scheme), provider.GetRequiredService<ILogger<RevocationGuard>>()));
        // Not AddHostedService: it would keep one subscriber for all schemes (same implementation type).
        services.AddSingleton<IHostedService>(provider => new RevocationSubscriber(scheme, OptionsOf(provider, scheme),
            provider.GetRequiredKeyedService<RevocationSet>(scheme),
            provider.GetRequiredKeyedService<RevocationFreshness>(scheme),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<RevocationSubscriber>>()));
        services.AddHealthChecks().Add(new HealthCheckRegistration(HealthCheckNameFor(scheme),
            provider => new RevocationHealthCheck(provider.GetRequiredKeyedService<RevocationFreshness>(scheme),
                provider.GetRequiredKeyedService<RevocationSet>(scheme), OptionsOf(provider, scheme).FailOpen),
            HealthStatus.Unhealthy, ["ready"]));
        return builder;
    }

    public static string HealthCheckNameFor(string authenticationScheme) =>
        authenticationScheme == JwtBearerDefaults.AuthenticationScheme ? HealthCheckName : $"{HealthCheckName}-{authenticationScheme}";

    private static CiamJwtBearerOptions OptionsOf(IServiceProvider provider, string scheme) =>
        provider.GetRequiredService<IOptionsMonitor<CiamJwtBearerOptions>>().Get(scheme);
}
