using Microsoft.AspNetCore.Authentication.JwtBearer;
using CiamServer.TokenValidation;
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
        var authentication = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        var settings = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>();
        if (settings is { Redis: { Length: > 0 } redis, Authority: { } authority })
        {
            // What a production API should do: signature, issuer, audience, lifetime, typ, and revocation.
            authentication.AddCiamJwtBearer(options =>
            {
                options.Authority = authority.ToString();
                options.Audience = settings.Audience;
                options.RedisConfiguration = redis;
            });
        }
        else
        {
            authentication.AddJwtBearer();
            // Read when the handler first runs, so settings a test adds after this call still count.
            builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        }

        builder.Services.AddHealthChecks();
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IConfigureOptions<AuthorizationOptions>, ScopePolicySetup>();

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/ready");
        app.MapGet("/me", MeEndpoint.Handle).RequireAuthorization(ScopePolicy);
        return app;
    }
}
