using CiamServer.Login.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CiamServer.UnitTests.Login;

[Trait("Category", "Unit")]
[Trait("Category", "Login")]
public sealed class ReturnUrlsTests
{
    private const string Home = "/t/acme/account";

    [Theory]
    [InlineData("/t/acme/account")]
    [InlineData("/t/acme/connect/authorize?client_id=web&state=a%2Fb")]
    [InlineData("/t/acme/.well-known/openid-configuration")]
    [InlineData("/t/acme/account/consent?x=..")]
    public void Safe_PathOfThisTenant_Kept(string returnUrl) => Assert.Equal(returnUrl, ReturnUrls.Safe(Request(), returnUrl));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example")]
    [InlineData("https://evil.example/t/acme/account")]
    [InlineData("http:/t/acme/account")]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/t/acme/account")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/t/acme/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("/t/globex/account")]
    [InlineData("/t/acmecorp/account")]
    [InlineData("/t/acme")]
    [InlineData("/t/acme/\r\nSet-Cookie: x=y")]
    [InlineData("/t/acme/\t/evil")]
    [InlineData("/t/acme/../globex/account")]
    [InlineData("/t/acme/./../globex/account")]
    [InlineData("/t/acme/%2e%2e/globex/account")]
    [InlineData("/t/acme/%2E%2E/globex/account")]
    [InlineData("/t/acme/.%2e/globex/account")]
    [InlineData("/t/acme/..")]
    public void Safe_OffSiteOrOtherTenant_Home(string? returnUrl) => Assert.Equal(Home, ReturnUrls.Safe(Request(), returnUrl));

    [Fact]
    public void Safe_TooLong_Home() => Assert.Equal(Home, ReturnUrls.Safe(Request(), "/t/acme/" + new string('a', 9000)));

    private static HttpRequest Request()
    {
        var context = new DefaultHttpContext();
        context.Request.PathBase = "/t/acme";
        context.Request.Path = "/account/login";
        return context.Request;
    }
}
