using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Login;

[Trait("Category", "Login")]
public sealed class SignInTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Alice = "alice@example.com";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SignIn_RightPassword_SignsInAndGoesToAccountPage()
    {
        using var browser = Server.CreateBrowser();

        var response = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, Alice, TestTenants.Password);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/t/acme/account", browser.Location(response).AbsolutePath);
        var account = await browser.FollowAsync(response);
        Assert.Contains(Alice, await AccountPages.MainTextAsync(account), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPasswordAndUnknownEmail_SameStatusAndMessage()
    {
        using var browser = Server.CreateBrowser();

        var wrongPassword = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, Alice, "not the password at all");
        var unknownEmail = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, AccountPages.UniqueEmail("nobody"), TestTenants.Password);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(wrongPassword.StatusCode, unknownEmail.StatusCode);
        Assert.Equal("The email or password is not correct.", await AccountPages.AlertAsync(wrongPassword));
        Assert.Equal(await AccountPages.AlertAsync(wrongPassword), await AccountPages.AlertAsync(unknownEmail));
        Assert.Null(await AccountPages.FieldErrorAsync(wrongPassword, "Input.Email"));
        Assert.Null(await AccountPages.FieldErrorAsync(unknownEmail, "Input.Email"));
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task SignIn_EmailInOtherCase_SignsIn()
    {
        using var browser = Server.CreateBrowser();

        var response = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, "ALICE@Example.com", TestTenants.Password);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }
}
