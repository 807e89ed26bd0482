using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CiamServer.Samples.WebApp;

/// <summary>The sample relying party, buildable from tests: they add their own settings, certificate trust
/// and Kestrel endpoints through <c>configure</c>, which runs after the app's own registrations.</summary>
public static class SampleWebApp
{
    /// <summary>Named HttpClient for the sample API (tests make it trust their certificate).</summary>
    public const string ApiClient = "sample-api";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name must be this assembly, not the host's entry assembly (a test runner), or
        // Razor Pages would not find this app's pages.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SampleWebApp).Assembly.GetName().Name,
        });

        builder.Services.AddOptions<SampleOptions>().BindConfiguration(SampleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options => options.Cookie.Name = "sample-webapp")
            .AddOpenIdConnect();
        // Read when the handler first runs, so settings a test adds after this call still count.
        builder.Services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, OidcSetup>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddHttpClient(ApiClient, (services, client) =>
            client.BaseAddress = services.GetRequiredService<IOptions<SampleOptions>>().Value.ApiBaseUrl);
        builder.Services.AddRazorPages();

        configure?.Invoke(builder);

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }
}
