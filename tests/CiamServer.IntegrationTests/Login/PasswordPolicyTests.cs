using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Login;

[Trait("Category", "Login")]
public sealed class PasswordPolicyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Register_SevenCharacters_RefusedWithLengthMessage()
    {
        var (response, email) = await RegisterAsync("7-chars", "abcdefg");

        await AssertRefusedAsync(response, email, "Use at least 8 characters.");
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("PASSWORD1")]
    [InlineData("12345678")]
    public async Task Register_BreachedPassword_RefusedWithBreachedMessage(string password)
    {
        var (response, email) = await RegisterAsync("breached", password);

        await AssertRefusedAsync(response, email, "appears in lists of leaked passwords");
    }

    [Fact]
    public async Task Register_PasswordEqualToEmail_Refused()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("same");

        var response = await AccountPages.RegisterAsync(Server, browser, TestTenants.Acme, email, email);

        await AssertRefusedAsync(response, email, "too easy to guess");
    }

    [Theory]
    [InlineData(64)]
    [InlineData(200)]
    public async Task Register_LongPassword_AcceptedUsableAndNotTruncated(int length)
    {
        var password = LongPassword(length);
        var email = AccountPages.UniqueEmail($"long{length}");

        await AccountPages.RegisterVerifiedAsync(Server, TestTenants.Acme, email, password);

        using var browser = Server.CreateBrowser();
        var withoutLast = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, password[..^1]);
        Assert.Equal(HttpStatusCode.OK, withoutLast.StatusCode);
        Assert.Equal("The email or password is not correct.", await AccountPages.AlertAsync(withoutLast));
        var changedLast = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, password[..^1] + "#");
        Assert.Equal(HttpStatusCode.OK, changedLast.StatusCode);
        var exact = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, password);
        Assert.Equal(HttpStatusCode.SeeOther, exact.StatusCode);
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    private async Task<(HttpResponseMessage Response, string Email)> RegisterAsync(string prefix, string password)
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail(prefix);
        return (await AccountPages.RegisterAsync(Server, browser, TestTenants.Acme, email, password), email);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string email, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = await AccountPages.FieldErrorAsync(response, "Input.Password");
        Assert.NotNull(error);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(await Server.UsersInAllTenantsAsync(email));
        await Server.EmailsSentAsync();
        Assert.Empty(Server.Mailbox.To(email));
    }

    /// <summary>A password of exactly <paramref name="length"/> characters, with spaces and non-ASCII letters.</summary>
    private static string LongPassword(int length)
    {
        const string Pattern = "Correct horse battery staple, ünïcödé & 123! ";
        var text = string.Concat(Enumerable.Repeat(Pattern, length / Pattern.Length + 1))[..(length - 1)] + "Z";
        Assert.Equal(length, text.Length);
        return text;
    }
}
