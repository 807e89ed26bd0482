using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Sessions;

[Trait("Category", "Sessions")]
public sealed class EndOtherSessionsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SignOutOfOtherSessions_EndsEveryOtherSession_AndKeepsThisOne()
    {
        var email = AccountPages.UniqueEmail("others");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        using var here = Server.CreateBrowser();
        using var phone = Server.CreateBrowser();
        using var laptop = Server.CreateBrowser();
        foreach (var browser in new[] { here, phone, laptop })
        {
            await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        }

        var page = await here.GetAsync(Server.Url(TestTenants.Acme, "account/sessions"));
        var answer = await here.SubmitFormAsync(page, new Dictionary<string, string>(), "form[action*='handler=EndOthers']");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Your other sessions have been signed out.", await AccountPages.MainTextAsync(answer), StringComparison.Ordinal);
        Assert.True(await AccountPages.IsSignedInAsync(Server, here, TestTenants.Acme));
        Assert.False(await AccountPages.IsSignedInAsync(Server, phone, TestTenants.Acme));
        Assert.False(await AccountPages.IsSignedInAsync(Server, laptop, TestTenants.Acme));
    }
}
