using System.Net;
using System.Security.Cryptography.X509Certificates;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Samples.Api;
using CiamServer.Samples.WebApp;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiamServer.Testing.Samples;

/// <summary>The server, the sample API and the sample web app, each on Kestrel over HTTPS on a free
/// loopback port, wired as a developer would wire them: the web app is registered as a client of a
/// tenant whose API scope the API accepts.</summary>
public sealed class SampleStack : IAsyncDisposable
{
    public const string Tenant = "demo";
    public const string ClientId = "demo-web";
    public const string ClientSecret = "test-only-demo-web-secret";
    public const string Email = "carol@example.com";
    public const string Password = TestTenants.Password;

    private readonly WebApplication _api;
    private readonly WebApplication _webApp;

    private SampleStack(CiamTestServer server, WebApplication api, WebApplication webApp)
    {
        Server = server;
        _api = api;
        _webApp = webApp;
        ApiAddress = AddressOf(api);
        WebAppAddress = AddressOf(webApp);
    }

    public CiamTestServer Server { get; }

    /// <summary>https://localhost:{port} of the sample API.</summary>
    public Uri ApiAddress { get; }

    /// <summary>https://localhost:{port} of the sample web app.</summary>
    public Uri WebAppAddress { get; }

    public Uri WebApp(string path) => new(WebAppAddress, path);

    public static async Task<SampleStack> StartAsync()
    {
        var server = await CiamTestServer.StartAsync();
        var issuer = server.Issuer(Tenant);
        var api = SampleApi.Build(["--environment", "Testing"], builder =>
        {
            Common(builder, new() { ["Sample:Authority"] = issuer, ["Sample:Audience"] = "demo-api" });
            builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = TrustingHandler());
        });
        await api.StartAsync();

        // The web app starts before its client is registered: its redirect URI names its port.
        var webApp = SampleWebApp.Build(["--environment", "Testing"], builder =>
        {
            Common(builder, new()
            {
                ["Sample:Authority"] = issuer,
                ["Sample:ClientId"] = ClientId,
                ["Sample:ClientSecret"] = ClientSecret,
                ["Sample:ApiBaseUrl"] = AddressOf(api).ToString(),
            });
            builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = TrustingHandler());
            builder.Services.AddHttpClient(SampleWebApp.ApiClient).ConfigurePrimaryHttpMessageHandler(TrustingHandler);
        });
        await webApp.StartAsync();

        var stack = new SampleStack(server, api, webApp);
        try
        {
            await server.ImportAsync(stack.TenantDocument());
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }

        return stack;
    }

    /// <summary>The account's id in the server (the <c>sub</c> of its tokens).</summary>
    public async Task<string> UserIdAsync(string email = Email)
    {
        using var scope = Server.Services.CreateScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<ITenantDirectory>().FindBySlugAsync(Tenant, CancellationToken.None)
            ?? throw new InvalidOperationException("The sample tenant does not exist.");
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No account for {email}.");
        return user.Id.ToString();
    }

    /// <summary>Trusts the test certificate and no other, as the apps' back channels must.</summary>
    public static HttpMessageHandler TrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => TestCertificate.Validate(certificate as X509Certificate2) },
    };

    private string TenantDocument() => $$"""
        { "tenants": [ {
          "slug": "{{Tenant}}",
          "displayName": "Demo",
          "branding": { "primaryColor": "#2f5bd3" },
          "apiScopes": [ { "name": "demo.api", "displayName": "Demo API", "description": "Use the demo API on your behalf", "audiences": ["demo-api"] } ],
          "clients": [ {
            "clientId": "{{ClientId}}", "displayName": "Demo web app", "type": "confidential", "secret": "{{ClientSecret}}",
            "redirectUris": ["{{WebApp("/signin-oidc")}}"], "postLogoutRedirectUris": ["{{WebApp("/signout-callback-oidc")}}"],
            "grantTypes": ["authorization_code", "refresh_token"],
            "scopes": ["openid", "profile", "email", "offline_access", "demo.api"], "consentRequired": true } ],
          "users": [ { "email": "{{Email}}", "password": "{{Password}}", "emailVerified": true, "givenName": "Carol", "familyName": "Danvers" } ]
        } ] }
        """;

    private static void Common(WebApplicationBuilder builder, Dictionary<string, string?> settings)
    {
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Nothing written to ~/.aspnet: the apps' cookies only need to live as long as the test.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(TestCertificate.Instance)));
    }

    private static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _webApp.StopAsync();
        await _webApp.DisposeAsync();
        await _api.StopAsync();
        await _api.DisposeAsync();
        await Server.DisposeAsync();
    }
}
