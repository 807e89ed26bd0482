using System.Net;
using System.Text.Json;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Operations;

/// <summary>Requests and checks shared by the outage tests.</summary>
internal static class OutageChecks
{
    public static async Task<HttpStatusCode> ReadinessAsync(CiamTestServer server)
    {
        using var browser = server.CreateBrowser();
        return (await browser.GetAsync("/health/ready")).StatusCode;
    }

    /// <summary>Restores the service and waits until the server says it is ready again (it must recover by itself).</summary>
    public static async Task RestoreAndWaitAsync(CiamTestServer server, OutageProxy proxy)
    {
        proxy.Restore();
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30), async () => await ReadinessAsync(server) == HttpStatusCode.OK),
            "The server did not recover within 30 seconds of the restore.");
    }

    /// <summary>A 503 with Retry-After and a body that no client takes for a verdict on its credentials.</summary>
    public static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)response.StatusCode}: {body}");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(response.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.DoesNotContain("invalid_grant", body, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid_client", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"active\"", body, StringComparison.Ordinal);
    }

    public static async Task<string> ClientCredentialsTokenAsync(CiamTestServer server, string tenant)
    {
        var response = await ClientRequests.MachineTokenAsync(server, tenant, TestTenants.MachineSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public static Task<HttpResponseMessage> IntrospectAsync(CiamTestServer server, string tenant, string token) =>
        ClientRequests.PostAsync(server, tenant, "connect/introspect", "orders-api", TestTenants.ApiSecret,
            new Dictionary<string, string> { ["token"] = token });
}
