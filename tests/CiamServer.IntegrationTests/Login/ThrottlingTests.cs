using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Login;

/// <summary>A server that pauses an account name after three failed sign-ins.</summary>
public sealed class ThrottlingFixture : ServerFixture
{
    public const int Allowed = 3;

    protected override TestServerOptions Options()
    {
        var options = new TestServerOptions();
        options.Settings["Ciam:Login:Throttling:AccountFailuresBeforeDelay"] = Allowed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return options;
    }
}

[Trait("Category", "Login")]
public sealed class ThrottlingTests(ThrottlingFixture fixture) : IClassFixture<ThrottlingFixture>
{
    private const string PausedMessage = "Too many attempts. Wait a few minutes and try again, or reset your password.";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SignIn_AfterAllowedFailures_PausedEvenWithRightPassword()
    {
        var email = AccountPages.UniqueEmail("throttled");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        using var browser = Server.CreateBrowser();

        for (var i = 0; i < ThrottlingFixture.Allowed; i++)
        {
            var failure = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, "wrong password " + i);
            Assert.Equal("The email or password is not correct.", await AccountPages.AlertAsync(failure));
        }

        var right = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(PausedMessage, await AccountPages.AlertAsync(right));
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task SignIn_UnknownEmailAfterAllowedFailures_SamePauseAsKnownAccount()
    {
        var unknown = AccountPages.UniqueEmail("ghost");
        using var browser = Server.CreateBrowser();

        for (var i = 0; i < ThrottlingFixture.Allowed; i++)
        {
            var failure = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, unknown, "wrong password " + i);
            Assert.Equal("The email or password is not correct.", await AccountPages.AlertAsync(failure));
        }

        var next = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, unknown, TestTenants.Password);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(PausedMessage, await AccountPages.AlertAsync(next));
    }

    [Fact]
    public async Task SignIn_FewerFailuresThanAllowed_RightPasswordStillWorks()
    {
        var email = AccountPages.UniqueEmail("almost");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        using var browser = Server.CreateBrowser();

        for (var i = 0; i < ThrottlingFixture.Allowed - 1; i++)
        {
            await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, "wrong password " + i);
        }

        var right = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);

        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
    }

    [Fact]
    public async Task SignIn_PausedAccount_OtherAccountsAndTenantsUnaffected()
    {
        var email = AccountPages.UniqueEmail("paused");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        await Server.CreateVerifiedUserAsync(TestTenants.Globex, email, TestTenants.Password);
        using var browser = Server.CreateBrowser();
        for (var i = 0; i < ThrottlingFixture.Allowed; i++)
        {
            await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, "wrong password " + i);
        }

        var sameNameOtherTenant = await AccountPages.SignInAsync(Server, browser, TestTenants.Globex, email, TestTenants.Password);

        Assert.Equal(HttpStatusCode.SeeOther, sameNameOtherTenant.StatusCode);
    }
}
