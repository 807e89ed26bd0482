using System.Net.Http.Headers;
using System.Text;

namespace CiamServer.IntegrationTests.Support;

/// <summary>Back-channel requests a client makes with its own credentials (client_secret_basic).</summary>
internal static class ClientRequests
{
    public static async Task<HttpResponseMessage> PostAsync(CiamTestServer server, string tenant, string endpoint,
        string clientId, string secret, IDictionary<string, string> form)
    {
        using var browser = server.CreateBrowser();
        using var api = new OidcFlow(server, browser, tenant).ApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url(tenant, endpoint)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        var response = await api.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>A client_credentials request of the "machine" client for orders.read.</summary>
    public static Task<HttpResponseMessage> MachineTokenAsync(CiamTestServer server, string tenant, string secret) =>
        PostAsync(server, tenant, "connect/token", "machine", secret,
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "orders.read" });
}
