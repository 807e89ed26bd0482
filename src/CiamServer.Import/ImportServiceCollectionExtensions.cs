using CiamServer.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The declarative import. Needs the Login module (Identity) and the Protocol module (OpenIddict managers).</summary>
    public static IServiceCollection AddCiamImport(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(Importer)))
        {
            return services;
        }

        services.AddCiamCore(configuration);
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        services.AddSingleton<Importer>();
        services.AddScoped<TenantImporter>();
        services.AddScoped<ClientImporter>();
        services.AddScoped<ScopeImporter>();
        return services;
    }
}
