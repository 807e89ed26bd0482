using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>Client authentication and grant types at the token endpoint: no password grant, no implicit,
/// wrong or unknown clients get invalid_client.</summary>
[Trait("Category", "Protocol")]
public sealed class TokenEndpointClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Token_WrongClientSecret_InvalidClient401()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = await flow.SignInForCodeAsync(scope: "openid");

        var response = await flow.RedeemAsync(code, secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("invalid_client", response.Error);
        Assert.Null(response["access_token"]);
    }

    [Fact]
    public async Task Token_WrongClientSecretInBasicAuthentication_InvalidClient401WithChallenge()
    {
        using var api = ProtocolCalls.ApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Server.Url(Tenant, "connect/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "orders.read" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("machine:wrong")));

        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await ProtocolCalls.JsonAsync(response)).GetProperty("error").GetString());
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Token_UnknownClient_InvalidClient401()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "no-such-client", ["client_secret"] = TestTenants.MachineSecret,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("invalid_client", response.Error);
    }

    [Fact]
    public async Task Token_PasswordGrant_UnsupportedGrantType()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = ProtocolCalls.Alice, ["password"] = TestTenants.Password,
            ["client_id"] = "web", ["client_secret"] = TestTenants.WebSecret, ["scope"] = "openid",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("unsupported_grant_type", response.Error);
        Assert.Null(response["access_token"]);
    }

    [Theory]
    [InlineData("implicit")]
    [InlineData("urn:ietf:params:oauth:grant-type:device_code")]
    [InlineData("urn:ietf:params:oauth:grant-type:token-exchange")]
    public async Task Token_OtherGrantType_UnsupportedGrantType(string grantType)
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = grantType, ["client_id"] = "web", ["client_secret"] = TestTenants.WebSecret,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("unsupported_grant_type", response.Error);
    }

    [Fact]
    public async Task Token_ClientCredentialsForClientWithoutThatGrant_UnauthorizedClient()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "web", ["client_secret"] = TestTenants.WebSecret,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("unauthorized_client", response.Error);
        Assert.Null(response["access_token"]);
    }
}
