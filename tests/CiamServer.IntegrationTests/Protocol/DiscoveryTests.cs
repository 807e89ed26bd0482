using System.Net;
using System.Text.Json;
using CiamServer.Protocol.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Protocol;

[Trait("Category", "Protocol")]
public sealed class DiscoveryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Theory]
    [InlineData(TestTenants.Acme)]
    [InlineData(TestTenants.Globex)]
    public async Task Discovery_ForTenant_AdvertisesTenantIssuerAndEndpoints(string tenant)
    {
        var document = await GetJsonAsync(Server.Url(tenant, ".well-known/openid-configuration"));

        var issuer = Server.Issuer(tenant);
        Assert.Equal(issuer, document.GetProperty("issuer").GetString());
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri",
                     "introspection_endpoint", "revocation_endpoint", "end_session_endpoint" })
        {
            Assert.StartsWith(issuer + "/", document.GetProperty(endpoint).GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(TestTenants.Acme)]
    [InlineData(TestTenants.Globex)]
    public async Task Discovery_ForTenant_AdvertisesOnlyCodeFlowWithS256AndIss(string tenant)
    {
        var document = await GetJsonAsync(Server.Url(tenant, ".well-known/openid-configuration"));

        Assert.Equal(["code"], Strings(document, "response_types_supported"));
        Assert.Equal(["authorization_code", "client_credentials", "refresh_token"], Strings(document, "grant_types_supported").Order());
        Assert.Equal(["S256"], Strings(document, "code_challenge_methods_supported"));
        Assert.Equal(JsonValueKind.True, document.GetProperty("authorization_response_iss_parameter_supported").ValueKind);
    }

    [Fact]
    public async Task Jwks_PublishesTheSigningKeysWithKidAndNoPrivateParts()
    {
        var jwks = await GetJsonAsync(Server.Url(TestTenants.Acme, ".well-known/jwks"));

        var keys = jwks.GetProperty("keys").EnumerateArray().ToList();
        Assert.NotEmpty(keys);
        var signingKeyIds = Server.Services.GetRequiredService<KeyRingMonitor>().Current.SigningKeys.Select(k => k.KeyId).Order();
        Assert.Equal(signingKeyIds, keys.Select(k => k.GetProperty("kid").GetString()!).Order());
        foreach (var key in keys)
        {
            Assert.Equal("RSA", key.GetProperty("kty").GetString());
            Assert.False(string.IsNullOrEmpty(key.GetProperty("n").GetString()));
            foreach (var privatePart in new[] { "d", "p", "q", "dp", "dq", "qi", "oth", "k" })
            {
                Assert.False(key.TryGetProperty(privatePart, out _), $"The JWKS publishes the private parameter '{privatePart}'.");
            }
        }
    }

    private static string[] Strings(JsonElement document, string name) =>
        document.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static async Task<JsonElement> GetJsonAsync(Uri url)
    {
        using var api = ProtocolCalls.ApiClient();
        var response = await api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ProtocolCalls.JsonAsync(response);
    }
}
