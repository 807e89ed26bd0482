using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Passwordless;

/// <summary>A server with the production limits on sending codes (5 per recipient an hour) and a low limit per
/// IP address (8 an hour), so both can be reached.</summary>
public sealed class CodeThrottlingFixture : ServerFixture
{
    protected override TestServerOptions Options()
    {
        var options = new TestServerOptions();
        options.Settings["Ciam:Passwordless:MaxCodesPerRecipientPerHour"] = "5";
        options.Settings["Ciam:Passwordless:MaxCodesPerAddressPerHour"] = "8";
        return options;
    }
}

[Trait("Category", "Passwordless")]
public sealed class CodeThrottlingTests(CodeThrottlingFixture fixture) : IClassFixture<CodeThrottlingFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SixthCodeForOneAddress_IsRefusedAndNotSent_ThenTheIpLimitStopsOtherAddresses()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("flood");
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, email)).StatusCode);
        }

        var sixth = await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, email);
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Equal("Too many codes were sent to this address. Wait an hour, or sign in another way.", await AccountPages.AlertAsync(sixth));
        await Server.EmailsSentAsync();
        Assert.Equal(5, Server.Mailbox.To(email).Count);

        // Six requests so far from this address; the limit is 8 an hour whoever they are for.
        for (var i = 7; i <= 8; i++)
        {
            Assert.Equal(HttpStatusCode.SeeOther,
                (await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, AccountPages.UniqueEmail("spray"))).StatusCode);
        }

        var ninth = AccountPages.UniqueEmail("spray");
        var refused = await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, ninth);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        await Server.EmailsSentAsync();
        Assert.Empty(Server.Mailbox.To(ninth));
    }
}
