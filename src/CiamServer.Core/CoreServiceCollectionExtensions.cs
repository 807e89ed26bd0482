using System.Security.Cryptography.X509Certificates;
using CiamServer.Core.Data;
using CiamServer.Core.DataProtection;
using CiamServer.Core.Email;
using CiamServer.Core.Geo;
using CiamServer.Core.Redis;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Throttling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CiamServer.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Tenants, the DbContext, Data Protection in the database, email, counters and health checks.</summary>
    public static IServiceCollection AddCiamCore(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(CoreMarker)))
        {
            return services;
        }

        services.AddSingleton<CoreMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.PickupDirectory is not null || o.Smtp.Host is not null,
                "Set Ciam:Email:PickupDirectory (development) or Ciam:Email:Smtp:Host.")
            .Validate(o => Enum.TryParse<MailKit.Security.SecureSocketOptions>(o.Smtp.Security, true, out _),
                "Ciam:Email:Smtp:Security must be Auto, StartTls, StartTlsWhenAvailable, SslOnConnect or None.")
            .ValidateOnStart();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        services.AddOptions<Administration.AdminOptions>().BindConfiguration(Administration.AdminOptions.Section)
            .Validate(o => Tenancy.TenantSlug.IsValid(o.TenantSlug), "Ciam:Admin:TenantSlug must be a valid tenant slug.")
            .Validate(o => o.ConsoleIdleTimeout > TimeSpan.Zero, "Ciam:Admin:ConsoleIdleTimeout must be positive.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Bootstrap.Email) == string.IsNullOrEmpty(o.Bootstrap.Password),
                "Ciam:Admin:Bootstrap needs both Email and Password, or neither.")
            .ValidateOnStart();
        services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.Section)
            // The signing keys are encrypted with Data Protection keys kept in the same database: without a
            // certificate for those, a copy of the database is a copy of the signing keys.
            .Validate(o => o.CertificatePath is not null || o.AllowUnencryptedKeys || Infrastructure.PlainHttp.IsAllowed(configuration),
                "Set Ciam:DataProtection:CertificatePath (a .pfx that encrypts the keys stored in the database), or Ciam:DataProtection:AllowUnencryptedKeys=true to accept them in the clear.")
            .Validate(o => o.CertificatePath is null || File.Exists(o.CertificatePath), "Ciam:DataProtection:CertificatePath names a file that does not exist.")
            .ValidateOnStart();
        services.AddOptions<GeoOptions>().BindConfiguration(GeoOptions.Section)
            .Validate(o => o.DatabasePath is null || File.Exists(o.DatabasePath),
                "Ciam:Geo:DatabasePath names a file that does not exist.")
            .ValidateOnStart();
        services.TryAddSingleton<IIpLocator>(provider =>
            provider.GetRequiredService<IOptions<GeoOptions>>().Value.DatabasePath is null
                ? new NoIpLocator()
                : ActivatorUtilities.CreateInstance<MmdbIpLocator>(provider));

        services.AddScoped<ITenantContext, TenantContext>();
        services.TryAddScoped<Sessions.ISessionManager, Sessions.SessionManager>();
        services.TryAddScoped<Audit.IAuditLog, Audit.DatabaseAuditLog>();
        services.TryAddSingleton<ITenantDirectory, CachedTenantDirectory>();
        services.AddDbContext<CiamDbContext>((provider, builder) =>
            DatabaseRegistration.Configure(builder, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));

        var dataProtection = services.AddDataProtection()
            .SetApplicationName("CiamServer")
            .PersistKeysToDbContext<CiamDbContext>();
        var keyProtection = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        // A missing file is reported by the options validation above, with the setting's name.
        if (!string.IsNullOrWhiteSpace(keyProtection.CertificatePath) && File.Exists(keyProtection.CertificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(keyProtection.CertificatePath, keyProtection.CertificatePassword));
        }

        services.TryAddSingleton<IEmailTransport>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory is null
                ? ActivatorUtilities.CreateInstance<SmtpEmailTransport>(provider)
                : ActivatorUtilities.CreateInstance<PickupDirectoryEmailTransport>(provider));
        services.TryAddSingleton<QueuedEmailSender>();
        services.TryAddSingleton<IEmailSender>(provider => provider.GetRequiredService<QueuedEmailSender>());
        services.AddHostedService<EmailDeliveryService>();

        var health = services.AddHealthChecks().AddDbContextCheck<CiamDbContext>("database", tags: ["ready"]);
        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (redis.Enabled)
        {
            services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectRedis(redis.Configuration!));
            services.TryAddSingleton<ICounterStore, RedisCounterStore>();
            health.AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }
        else
        {
            services.TryAddSingleton<ICounterStore, MemoryCounterStore>();
        }

        return services;
    }

    /// <summary>Connects without failing start-up when Redis is down: the multiplexer keeps retrying,
    /// and requests that need Redis meanwhile answer 503.</summary>
    private static ConnectionMultiplexer ConnectRedis(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        return ConnectionMultiplexer.Connect(options);
    }

    private sealed class CoreMarker;
}
