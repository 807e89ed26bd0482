using System.Net;
using System.Text.Json;
using CiamServer.Core.Data;
using CiamServer.Core.Risk;
using CiamServer.IntegrationTests.Mfa;
using CiamServer.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Risk;

/// <summary>The risk engine on the real sign-in path: each signal as a person would set it off, what the user
/// is shown, and what is stored for admins.</summary>
[Trait("Category", "Risk")]
public sealed class RiskSignInTests(RiskSignInFixture fixture) : IClassFixture<RiskSignInFixture>
{
    private const string Tenant = RiskSignInFixture.Tenant;

    private CiamTestServer Server => fixture.Server;

    private BrowserLikeClient BrowserFrom(string address)
    {
        var browser = Server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return browser;
    }

    private static void MoveTo(BrowserLikeClient browser, string address)
    {
        browser.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
    }

    private async Task<string> NewUserAsync()
    {
        var email = AccountPages.UniqueEmail("risk");
        await Server.CreateVerifiedUserAsync(Tenant, email, TestTenants.Password);
        return email;
    }

    private async Task<SignInAttempt> LatestAttemptAsync(string email)
    {
        await using var scope = await Server.ForTenantAsync(Tenant);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        return await db.SignInAttempts.AsNoTracking().Where(a => a.AccountName == email.ToUpperInvariant()).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).FirstAsync();
    }

    private static string[] Signals(SignInAttempt attempt) =>
        [.. JsonDocument.Parse(attempt.ReasonsJson).RootElement.EnumerateArray().Select(r => r.GetProperty("signal").GetString()!)];

    [Fact]
    public async Task FirstSignIn_HasNoHistory_IsAllowedWithoutReasons()
    {
        var email = await NewUserAsync();
        using var browser = BrowserFrom(RiskSignInFixture.Paris);

        var answer = await MfaChallengePages.PasswordAsync(Server, browser, Tenant, email);

        Assert.False(MfaChallengePages.IsChallenge(browser, answer));
        var attempt = await LatestAttemptAsync(email);
        Assert.Equal(0, attempt.Score);
        Assert.Equal("allow", attempt.Decision);
        Assert.Equal("FR", attempt.Country);
        Assert.Equal(RiskSignInFixture.Paris, attempt.IpAddress);
    }

    [Fact]
    public async Task NewDevice_Alone_IsAllowed_ButNewDeviceInANewCountry_StepsUpWithBothReasons()
    {
        var email = await NewUserAsync();
        using (var home = BrowserFrom(RiskSignInFixture.Paris))
        {
            await MfaChallengePages.PasswordAsync(Server, home, Tenant, email);
        }

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        using var laptop = BrowserFrom(RiskSignInFixture.Lyon);
        Assert.False(MfaChallengePages.IsChallenge(laptop, await MfaChallengePages.PasswordAsync(Server, laptop, Tenant, email)));
        var sameCountry = await LatestAttemptAsync(email);
        Assert.Equal(["new_device", "new_network"], Signals(sameCountry));
        Assert.Equal(30, sameCountry.Score);

        fixture.Clock.Advance(TimeSpan.FromDays(10));
        using var abroad = BrowserFrom(RiskSignInFixture.NewYork);
        var answer = await MfaChallengePages.PasswordAsync(Server, abroad, Tenant, email);

        Assert.True(MfaChallengePages.IsChallenge(abroad, answer));
        var page = await abroad.FollowAsync(answer);
        var text = await AccountPages.MainTextAsync(page);
        Assert.Contains("We don't recognise this device.", text, StringComparison.Ordinal);
        Assert.Contains("You haven't signed in from this country before.", text, StringComparison.Ordinal);
        var attempt = await LatestAttemptAsync(email);
        Assert.Equal("step_up", attempt.Decision);
        Assert.Equal(SignInOutcomes.Challenged, attempt.Outcome);
    }

    [Fact]
    public async Task ImpossibleTravel_ParisThenNewYorkAnHourLater_OnTheSameDevice_StepsUp()
    {
        var email = await NewUserAsync();
        using var browser = BrowserFrom(RiskSignInFixture.Paris);
        await MfaChallengePages.PasswordAsync(Server, browser, Tenant, email);

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        MoveTo(browser, RiskSignInFixture.NewYork);
        var answer = await MfaChallengePages.PasswordAsync(Server, browser, Tenant, email);

        Assert.True(MfaChallengePages.IsChallenge(browser, answer));
        var attempt = await LatestAttemptAsync(email);
        Assert.Contains("impossible_travel", Signals(attempt));
        var inputs = JsonDocument.Parse(attempt.InputsJson).RootElement;
        Assert.InRange(inputs.GetProperty("distanceKm").GetDouble(), 5_800, 5_900);
        Assert.InRange(inputs.GetProperty("speedKmh").GetDouble(), 5_000, 6_000);
    }

    [Fact]
    public async Task TheSameTripOverTwoDays_IsNotImpossible()
    {
        var email = await NewUserAsync();
        using var browser = BrowserFrom(RiskSignInFixture.Paris);
        await MfaChallengePages.PasswordAsync(Server, browser, Tenant, email);

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        MoveTo(browser, RiskSignInFixture.NewYork);
        await MfaChallengePages.PasswordAsync(Server, browser, Tenant, email);

        Assert.DoesNotContain("impossible_travel", Signals(await LatestAttemptAsync(email)));
    }

    [Fact]
    public async Task DenyListedAddress_IsRefused_WithAMessageThatSaysWhatToDo()
    {
        var email = await NewUserAsync();
        using var browser = BrowserFrom(RiskSignInFixture.Blocked);

        var answer = await AccountPages.SignInAsync(Server, browser, Tenant, email, TestTenants.Password);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.StartsWith("We couldn't sign you in from here.", await AccountPages.AlertAsync(answer), StringComparison.Ordinal);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, Tenant));
        var attempt = await LatestAttemptAsync(email);
        Assert.Equal("deny", attempt.Decision);
        Assert.Equal(SignInOutcomes.Denied, attempt.Outcome);
        Assert.Contains("deny_list", Signals(attempt));
    }

    [Fact]
    public async Task FailedAttemptsBeforeTheRightPassword_CountOnTheAccount()
    {
        var email = await NewUserAsync();
        using (var home = BrowserFrom(RiskSignInFixture.Paris))
        {
            await MfaChallengePages.PasswordAsync(Server, home, Tenant, email);
        }

        using var browser = BrowserFrom(RiskSignInFixture.Paris);
        for (var i = 0; i < 3; i++)
        {
            await AccountPages.SignInAsync(Server, browser, Tenant, email, "not the password " + i);
        }

        var answer = await MfaChallengePages.PasswordAsync(Server, browser, Tenant, email);

        Assert.True(MfaChallengePages.IsChallenge(browser, answer));
        Assert.Equal(["new_device", "account_failures"], Signals(await LatestAttemptAsync(email)).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task ManyAccountsTriedFromOneAddress_LooksLikeCredentialStuffing()
    {
        const string Stuffer = "203.0.113.99";
        using var attacker = BrowserFrom(Stuffer);
        for (var i = 0; i < 10; i++)
        {
            await AccountPages.SignInAsync(Server, attacker, Tenant, AccountPages.UniqueEmail("victim"), "guess");
        }

        var email = await NewUserAsync();
        await MfaChallengePages.PasswordAsync(Server, attacker, Tenant, email);

        var attempt = await LatestAttemptAsync(email);
        Assert.Contains("many_accounts", Signals(attempt));
        Assert.True(attempt.Score >= 40);
    }

    [Fact]
    public async Task UnusualHour_AfterFiveMorningSignIns_AnEveningOneCounts()
    {
        var email = await NewUserAsync();
        using var browser = BrowserFrom(RiskSignInFixture.Paris);
        var start = fixture.Clock.GetUtcNow();
        var morning = new DateTimeOffset(start.Year, start.Month, start.Day, 9, 0, 0, TimeSpan.Zero).AddDays(1);
        fixture.Clock.Advance(morning - start);
        for (var day = 0; day < 5; day++)
        {
            await MfaChallengePages.PasswordAsync(Server, browser, Tenant, email);
            fixture.Clock.Advance(TimeSpan.FromDays(1));
        }

        fixture.Clock.Advance(TimeSpan.FromHours(12));
        await MfaChallengePages.PasswordAsync(Server, browser, Tenant, email);

        Assert.Contains("unusual_hour", Signals(await LatestAttemptAsync(email)));
    }
}
