using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.TokenValidation.Tests.Infrastructure;

/// <summary>Real access tokens for orders-api, from a real sign-in (each one a new server session).</summary>
internal static class AccessTokens
{
    public static async Task<string> ForOrdersApiAsync(CiamTestServer server, string tenant = TestTenants.Acme)
    {
        using var browser = server.CreateBrowser();
        var flow = new OidcFlow(server, browser, tenant);
        var code = await flow.SignInForCodeAsync(scope: "openid orders.read");
        return (await flow.RedeemAsync(code)).AccessToken;
    }

    public static string SessionId(string token) => new JsonWebToken(token).GetClaim("sid").Value;

    public static string TokenId(string token) => new JsonWebToken(token).Id;
}
