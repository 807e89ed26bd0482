using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Login;

public sealed class EmailLimitFixture : ServerFixture
{
    protected override TestServerOptions Options() => new() { Settings = { ["Ciam:Email:MaxPerRecipientPerHour"] = "3" } };
}

/// <summary>Nobody can flood an inbox through the hosted forms: one address gets a limited number of messages
/// an hour, and the form answers the same when a message is dropped.</summary>
[Trait("Category", "Login")]
public sealed class EmailFloodTests(EmailLimitFixture fixture) : IClassFixture<EmailLimitFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task ForgotPassword_RepeatedForOneAddress_AtMostTheLimitIsSent()
    {
        var email = AccountPages.UniqueEmail("flooded");
        await AccountPages.RegisterVerifiedAsync(Server, TestTenants.Acme, email, "a long enough passphrase for tests");

        for (var i = 0; i < 5; i++)
        {
            using var browser = Server.CreateBrowser();
            var page = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/forgot-password"));
            var answer = await browser.FollowAsync(await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Email"] = email }));
            Assert.EndsWith("/account/check-email", answer.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        }

        // Three reset messages, the limit per kind; the last two are dropped. The verification message is of
        // another kind and did not count against them.
        await Server.EmailsSentAsync();
        Assert.Equal(3, ResetMessages(email));
        Assert.Equal(4, Server.Mailbox.To(email).Count);
    }

    private int ResetMessages(string email) =>
        Server.Mailbox.To(email).Count(m => m.Subject?.Contains("Reset", StringComparison.Ordinal) == true);
}
