using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CiamServer.IntegrationTests.Sessions;

[Trait("Category", "Sessions")]
public sealed class BackchannelLogoutTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SignOut_PostsASignedLogoutTokenWithTheSessionToTheClient()
    {
        var received = Channel.CreateUnbounded<string>();
        await using var client = await StartClientEndpointAsync(received.Writer);
        var backchannelUri = client.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/backchannel-logout";
        await Server.ImportAsync(TestTenants.Standard.Replace(
            "\"redirectUris\": [\"" + TestTenants.WebRedirectUri + "\"], \"postLogoutRedirectUris\"",
            "\"backchannelLogoutUri\": \"" + backchannelUri + "\", \"redirectUris\": [\"" + TestTenants.WebRedirectUri + "\"], \"postLogoutRedirectUris\"",
            StringComparison.Ordinal));
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: SessionTestClients.ApiScope));
        var sid = new JsonWebToken(tokens.AccessToken).GetClaim("sid").Value;

        await browser.GetAsync(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            Server.Url(TestTenants.Acme, "connect/endsession").ToString(),
            new Dictionary<string, string?> { ["id_token_hint"] = tokens["id_token"] }));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var logoutToken = await received.Reader.ReadAsync(wait.Token);

        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(logoutToken, new TokenValidationParameters
        {
            ValidIssuer = Server.Issuer(TestTenants.Acme),
            ValidAudience = "web",
            ValidTypes = ["logout+jwt"],
            IssuerSigningKeys = await JwksAsync(flow),
        });
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var token = (JsonWebToken)validated.SecurityToken;
        Assert.Equal(sid, token.GetClaim("sid").Value);
        Assert.False(token.TryGetClaim("nonce", out _));
        Assert.True(token.TryGetPayloadValue<JsonElement>("events", out var events));
        Assert.True(events.TryGetProperty("http://schemas.openid.net/event/backchannel-logout", out _));
    }

    [Fact]
    public async Task Discovery_AdvertisesBackchannelLogoutWithSessions()
    {
        using var api = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();
        var json = JsonDocument.Parse(await api.GetStringAsync(Server.Url(TestTenants.Acme, ".well-known/openid-configuration"))).RootElement;

        Assert.True(json.GetProperty("backchannel_logout_supported").GetBoolean());
        Assert.True(json.GetProperty("backchannel_logout_session_supported").GetBoolean());
    }

    private async Task<IList<SecurityKey>> JwksAsync(OidcFlow flow)
    {
        using var api = flow.ApiClient();
        return new JsonWebKeySet(await api.GetStringAsync(Server.Url(TestTenants.Acme, ".well-known/jwks"))).GetSigningKeys();
    }

    /// <summary>A stand-in relying party endpoint (plain HTTP on loopback, allowed for back-channel URIs).</summary>
    private static async Task<WebApplication> StartClientEndpointAsync(ChannelWriter<string> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/backchannel-logout", async (HttpRequest request) =>
        {
            await received.WriteAsync((await request.ReadFormAsync())["logout_token"].ToString());
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}
