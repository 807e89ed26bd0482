using System.Net;
using CiamServer.Core.Data;
using CiamServer.Core.Passwordless;
using CiamServer.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Passwordless;

[Trait("Category", "Passwordless")]
public sealed class RecoveryTests(PasswordlessFixture fixture) : IClassFixture<PasswordlessFixture>
{
    private CiamTestServer Server => fixture.Server;

    /// <summary>A passkey-only account: made by email code (no password), then given a passkey row.</summary>
    private async Task<string> PasskeyOnlyAccountAsync()
    {
        var email = AccountPages.UniqueEmail("passkeyonly");
        using (var browser = Server.CreateBrowser())
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await PasswordlessPages.SignInByEmailCodeAsync(Server, browser, TestTenants.Acme, email)).StatusCode);
        }

        var user = Assert.Single(await Server.UsersInAllTenantsAsync(email));
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        db.PasskeyCredentials.Add(new PasskeyCredential
        {
            UserId = user.Id,
            CredentialId = Guid.NewGuid().ToByteArray(),
            PublicKey = [1, 2, 3],
            UserHandle = user.Id.ToByteArray(),
            Name = "Lost phone",
            AttestationFormat = "none",
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return email;
    }

    private async Task<HttpResponseMessage> AskToRecoverAsync(BrowserLikeClient browser, string tenant, string email)
    {
        var page = await browser.GetAsync(Server.Url(tenant, "account/recover"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Email"] = email });
    }

    [Fact]
    public async Task PasskeyAccount_RecoversWithAnEmailCode_ThenIsAskedToAddAPasskey()
    {
        var email = await PasskeyOnlyAccountAsync();
        using var browser = Server.CreateBrowser();

        var codePage = await browser.FollowAsync(await AskToRecoverAsync(browser, TestTenants.Acme, email));
        var message = await PasswordlessPages.LatestEmailAsync(Server, email, "Recover your");
        Assert.DoesNotContain("magic-link", message.TextBody, StringComparison.Ordinal);
        var recovered = await PasswordlessPages.SubmitCodeAsync(browser, codePage, PasswordlessPages.CodeIn(message));

        Assert.Equal(HttpStatusCode.SeeOther, recovered.StatusCode);
        Assert.Equal("/t/acme/account/passkeys/add", browser.Location(recovered).AbsolutePath);
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task AddressThatCannotRecover_GetsTheSameAnswerAndNoEmail()
    {
        var withPasskey = await PasskeyOnlyAccountAsync();
        var unknown = AccountPages.UniqueEmail("norecover");
        using var browser = Server.CreateBrowser();

        var known = await browser.FollowAsync(await AskToRecoverAsync(browser, TestTenants.Acme, withPasskey));
        var missing = await browser.FollowAsync(await AskToRecoverAsync(browser, TestTenants.Acme, unknown));
        var noPasskey = await browser.FollowAsync(await AskToRecoverAsync(browser, TestTenants.Acme, "alice@example.com"));

        Assert.Equal(known.StatusCode, missing.StatusCode);
        Assert.Equal(known.StatusCode, noPasskey.StatusCode);
        static string WithoutAddress(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\S+•+@example\.com", "X");
        Assert.Equal(WithoutAddress(await AccountPages.MainTextAsync(known)), WithoutAddress(await AccountPages.MainTextAsync(missing)));
        await Server.EmailsSentAsync();
        Assert.Empty(Server.Mailbox.To(unknown));
        Assert.DoesNotContain(Server.Mailbox.To("alice@example.com"), m => m.Subject!.StartsWith("Recover", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TenantWithoutPasskeys_HasNoRecoveryPage()
    {
        using var browser = Server.CreateBrowser();

        var page = await browser.GetAsync(Server.Url(PasswordlessFixture.PasswordOnly, "account/recover"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
