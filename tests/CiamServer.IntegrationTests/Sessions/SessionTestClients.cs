using System.Net.Http.Headers;
using System.Text.Json;

namespace CiamServer.IntegrationTests.Sessions;

/// <summary>Helpers shared by the session tests: introspection as the "orders-api" client.</summary>
internal static class SessionTestClients
{
    /// <summary>Includes orders.read, so the access token's audience is orders-api, the introspecting client:
    /// OpenIddict answers active:false to a caller the token is not for, which would pass any "revoked" check.</summary>
    public const string ApiScope = "openid profile email offline_access orders.read";

    public static async Task<bool> IsActiveAsync(CiamTestServer server, OidcFlow flow, string token)
    {
        using var api = flow.ApiClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"orders-api:{TestTenants.ApiSecret}")));
        var response = await api.PostAsync(server.Url(TestTenants.Acme, "connect/introspect"),
            new FormUrlEncodedContent([new("token", token)]));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("active").GetBoolean();
    }
}
