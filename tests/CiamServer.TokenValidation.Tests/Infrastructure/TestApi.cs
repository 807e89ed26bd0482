using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CiamServer.TokenValidation.Tests.Infrastructure;

/// <summary>A tiny API as a customer would write it: AddCiamJwtBearer for the acme tenant and orders-api,
/// one endpoint that requires authorization, on Kestrel over plain HTTP on a free loopback port. It also
/// serves an attacker's JWKS, to prove nothing ever fetches it.</summary>
internal sealed class TestApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _attackerJwksRequests;

    private TestApi(WebApplication app, RecordingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; } = new();

    public RecordingLoggerProvider Logs { get; }

    /// <summary>Served at /attacker/jwks when set.</summary>
    public string AttackerJwks { get; set; } = """{"keys":[]}""";

    public int AttackerJwksRequests => Volatile.Read(ref _attackerJwksRequests);

    public Uri AttackerJwksUrl => new(BaseAddress, "/attacker/jwks");

    public static async Task<TestApi> StartAsync(CiamTestServer server, Action<CiamJwtBearerOptions>? configure = null)
    {
        var redis = await TestServices.RedisAsync();
        var logs = new RecordingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthentication().AddCiamJwtBearer(options =>
        {
            options.Authority = server.Issuer(TestTenants.Acme);
            options.Audience = "orders-api";
            options.RedisConfiguration = redis;
            options.BackchannelHttpHandler = new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    TestCertificate.Validate(certificate as System.Security.Cryptography.X509Certificates.X509Certificate2) },
            };
            configure?.Invoke(options);
        });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        var api = new TestApi(app, logs);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/orders", (ClaimsPrincipal user) => Results.Text($"orders of {user.Identity?.Name}")).RequireAuthorization();
        app.MapGet("/attacker/jwks", () =>
        {
            Interlocked.Increment(ref api._attackerJwksRequests);
            return Results.Text(api.AttackerJwks, "application/json");
        });
        await app.StartAsync();
        api.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return api;
    }

    public async Task<HttpResponseMessage> GetOrdersAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, "/orders"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Client.SendAsync(request);
    }

    public async Task<HttpStatusCode> StatusForAsync(string accessToken)
    {
        using var response = await GetOrdersAsync(accessToken);
        return response.StatusCode;
    }

    public async Task<HealthStatus> RevocationHealthAsync()
    {
        var report = await _app.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Name == CiamJwtBearerExtensions.HealthCheckName);
        return report.Entries[CiamJwtBearerExtensions.HealthCheckName].Status;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
