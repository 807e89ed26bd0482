using System.Net.Http.Headers;

namespace CiamServer.IntegrationTests.Support;

/// <summary>An HTTP client for a tenant's admin API: a client_credentials token of the imported "admin-tool"
/// client, sent as the bearer.</summary>
internal static class AdminClients
{
    public static async Task<(HttpClient Client, string Token)> CreateAsync(OidcFlow flow, string secret, string scope = "ciam.admin")
    {
        var token = (await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "admin-tool", ["client_secret"] = secret, ["scope"] = scope,
        })).AccessToken;
        var client = flow.ApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, token);
    }
}
