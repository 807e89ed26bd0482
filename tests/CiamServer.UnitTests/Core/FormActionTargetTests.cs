using CiamServer.Core.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CiamServer.UnitTests.Core;

[Trait("Category", "Unit")]
[Trait("Category", "Protocol")]
public sealed class FormActionTargetTests
{
    [Theory]
    [InlineData("com.example.app:/callback", " com.example.app:")]
    [InlineData("http://[::1]:7000/callback", " http:")]
    [InlineData("https://app.example/callback", "")]
    [InlineData("http://localhost:5100/signin-oidc", "")]
    [InlineData("http://127.0.0.1:5100/signin-oidc", "")]
    [InlineData("http://evil.example/collect", "")]
    [InlineData("http://127.0.0.2:7000/callback", " http:")]
    [InlineData("javascript:alert(1)", "")]
    [InlineData("not a uri", "")]
    public void ConsentPage_RedirectUri_AddsOnlyWhatHttpsAndLocalhostDoNotCover(string redirectUri, string expected) =>
        Assert.Equal(expected, FormActionTarget.ExtraSource(Request(new() { ["client_id"] = "app", ["redirect_uri"] = redirectUri })));

    [Fact]
    public void LoginPage_RedirectUriInsideReturnUrl_IsFound()
    {
        var returnUrl = QueryHelpers.AddQueryString("/t/acme/connect/authorize",
            new Dictionary<string, string?> { ["client_id"] = "app", ["redirect_uri"] = "com.example.app:/callback" });

        Assert.Equal(" com.example.app:", FormActionTarget.ExtraSource(Request(new() { ["returnUrl"] = returnUrl })));
    }

    [Fact]
    public void LogoutPage_PostLogoutRedirectUri_IsFound() =>
        Assert.Equal(" com.example.app:", FormActionTarget.ExtraSource(Request(new() { ["post_logout_redirect_uri"] = "com.example.app:/signed-out" })));

    [Fact]
    public void OtherPages_NothingAdded() => Assert.Equal("", FormActionTarget.ExtraSource(Request([])));

    private static HttpRequest Request(Dictionary<string, string?> query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = QueryString.Create(query);
        return context.Request;
    }
}
