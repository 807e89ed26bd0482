using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CiamServer.Samples.Api;

/// <summary>The sample API, buildable from tests: they add their own settings, certificate trust and
/// Kestrel endpoints through <c>configure</c>, which runs after the API's own registrations.</summary>
public static class SampleApi
{
    public const string ScopePolicy = "scope";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SampleApi).Assembly.GetName().Name,
        });

        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // Read when the handler first runs, so settings a test adds after this call still count.
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IConfigureOptions<AuthorizationOptions>, ScopePolicySetup>();

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", MeEndpoint.Handle).RequireAuthorization(ScopePolicy);
        return app;
    }
}
