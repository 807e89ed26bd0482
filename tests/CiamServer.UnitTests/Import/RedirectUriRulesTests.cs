using CiamServer.Import;

namespace CiamServer.UnitTests.Import;

[Trait("Category", "Unit")]
[Trait("Category", "Import")]
public sealed class RedirectUriRulesTests
{
    [Theory]
    [InlineData("https://app.example/callback")]
    [InlineData("https://app.example:8443/callback?tenant=1")]
    [InlineData("http://localhost/callback")]
    [InlineData("http://localhost:7890/callback")]
    [InlineData("http://127.0.0.1:7890/callback")]
    [InlineData("http://127.1.2.3/callback")]
    [InlineData("http://[::1]:7890/callback")]
    [InlineData("com.example.app:/callback")]
    [InlineData("com.example.app:/oauth2redirect/example-provider")]
    public void Check_AllowedUri_Accepted(string uri) => Assert.Null(RedirectUriRules.Check(uri));

    [Theory]
    [InlineData("http://app.example/callback", "http is allowed only for loopback")]
    [InlineData("http://localhost.evil.example/callback", "http is allowed only for loopback")]
    [InlineData("http://127.0.0.1.nip.io/callback", "http is allowed only for loopback")]
    [InlineData("http://10.0.0.1/callback", "http is allowed only for loopback")]
    [InlineData("http://[::ffff:10.0.0.1]/callback", "http is allowed only for loopback")]
    [InlineData("https://app.example/callback#fragment", "must not contain a fragment")]
    [InlineData("https://app.example/callback#", "must not contain a fragment")]
    [InlineData("https://user:pass@app.example/callback", "must not contain user information")]
    [InlineData("https://user@app.example/callback", "must not contain user information")]
    [InlineData("/callback", "must be an absolute URI")]
    [InlineData("callback", "must be an absolute URI")]
    [InlineData("//app.example/callback", "must be an absolute URI")]
    [InlineData("", "must be an absolute URI")]
    [InlineData(" ", "must be an absolute URI")]
    [InlineData(null, "must be an absolute URI")]
    [InlineData("https://*.app.example/callback", "wildcards are not allowed")]
    [InlineData("https://app.example/*", "wildcards are not allowed")]
    [InlineData("https://app.example/%2A", "wildcards are not allowed")]
    [InlineData("javascript:alert(1)", "private-use scheme")]
    [InlineData("data:text/html,hi", "private-use scheme")]
    [InlineData("ftp://app.example/callback", "private-use scheme")]
    public void Check_RefusedUri_ExplainsWhy(string? uri, string reason)
    {
        var error = RedirectUriRules.Check(uri);

        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LongerThan2048_Refused() =>
        Assert.NotNull(RedirectUriRules.Check("https://app.example/" + new string('a', 2048)));
}
