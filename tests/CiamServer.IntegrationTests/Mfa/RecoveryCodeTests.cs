using System.Net;
using CiamServer.IntegrationTests.Support;
using CiamServer.Mfa.RecoveryCodes;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Mfa;

/// <summary>Recovery codes: shown once, replaced as a set, each usable once whatever way it is typed.</summary>
[Trait("Category", "Mfa")]
public sealed class RecoveryCodeTests(MfaFixture fixture) : IClassFixture<MfaFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task NewCodes_ShownOnceWithDownload_OldCodesStopWorking()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "codes-new");
        var (_, first) = await MfaPages.EnrolAsync(fixture, user.Browser);
        var page = await MfaPages.GetAsync(fixture, user.Browser, "account/security/recovery-codes");
        Assert.Equal("You have 10 unused codes.", await MfaPages.TextOfAsync(page, "#codes-status"));

        var generated = await user.Browser.SubmitFormAsync(page, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.True(generated.Headers.CacheControl?.NoStore);
        var second = await MfaPages.RecoveryCodesShownAsync(generated);
        Assert.Equal(10, second.Count);
        Assert.Empty(second.Intersect(first));
        var download = (await BrowserLikeClient.ParseAsync(generated)).QuerySelector("a[download]")!.GetAttribute("href")!;
        Assert.Equal(string.Join("\n", second) + "\n", Uri.UnescapeDataString(download["data:text/plain;charset=utf-8,".Length..]));
        Assert.False(await RedeemAsync(user.Id, first[0]));
        Assert.True(await RedeemAsync(user.Id, second[0]));
        Assert.Equal(9, await RemainingAsync(user.Id));
        var again = await MfaPages.GetAsync(fixture, user.Browser, "account/security/recovery-codes");
        Assert.Empty(await MfaPages.RecoveryCodesShownAsync(again));
    }

    [Fact]
    public async Task Redeem_WorksOnce_TypedInAnyCaseWithOrWithoutTheDash()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "codes-once");
        var (_, codes) = await MfaPages.EnrolAsync(fixture, user.Browser);

        Assert.True(await RedeemAsync(user.Id, codes[0]));
        Assert.False(await RedeemAsync(user.Id, codes[0]));
        Assert.True(await RedeemAsync(user.Id, " " + codes[1].Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant() + " "));
        Assert.False(await RedeemAsync(user.Id, codes[1]));
        Assert.True(await RedeemAsync(user.Id, codes[2].Replace("-", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(7, await RemainingAsync(user.Id));
    }

    [Fact]
    public async Task Redeem_SameCodeAtTheSameMoment_OnlyOneSucceeds()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "codes-race");
        var (_, codes) = await MfaPages.EnrolAsync(fixture, user.Browser);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RedeemAsync(user.Id, codes[3])));

        Assert.Single(results, used => used);
        Assert.Equal(9, await RemainingAsync(user.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a code")]
    [InlineData("00000-00000")]
    public async Task Redeem_NotACodeOfTheUser_Refused(string code)
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "codes-bad");
        await MfaPages.EnrolAsync(fixture, user.Browser);

        Assert.False(await RedeemAsync(user.Id, code));
        Assert.Equal(10, await RemainingAsync(user.Id));
    }

    [Fact]
    public async Task Redeem_AnotherUsersCode_Refused()
    {
        using var owner = await MfaPages.SignedInUserAsync(fixture, "codes-owner");
        using var other = await MfaPages.SignedInUserAsync(fixture, "codes-other");
        var (_, codes) = await MfaPages.EnrolAsync(fixture, owner.Browser);
        await MfaPages.EnrolAsync(fixture, other.Browser);

        Assert.False(await RedeemAsync(other.Id, codes[0]));
        Assert.True(await RedeemAsync(owner.Id, codes[0]));
    }

    [Fact]
    public async Task Page_WithoutASecondFactor_OffersNoCodes_AndRefusesThePost()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "codes-nofactor");

        var page = await MfaPages.GetAsync(fixture, user.Browser, "account/security/recovery-codes");
        var overview = await MfaPages.GetAsync(fixture, user.Browser, "account/security");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null((await BrowserLikeClient.ParseAsync(page)).QuerySelector("form[method=post]"));
        Assert.Null((await BrowserLikeClient.ParseAsync(overview)).QuerySelector("#codes-status"));
        var posted = await MfaPages.PostWithTokenOfAsync(fixture, user.Browser, "account/security/recovery-codes");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.StartsWith("Set up an authenticator app or a passkey first", await AccountPages.AlertAsync(posted), StringComparison.Ordinal);
        Assert.Empty(await MfaPages.RecoveryCodesShownAsync(posted));
        Assert.Equal(0, await RemainingAsync(user.Id));
    }

    private async Task<bool> RedeemAsync(Guid userId, string code)
    {
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        return await scope.ServiceProvider.GetRequiredService<RecoveryCodeService>().RedeemAsync(userId, code, CancellationToken.None);
    }

    private async Task<int> RemainingAsync(Guid userId)
    {
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        return await scope.ServiceProvider.GetRequiredService<RecoveryCodeService>().RemainingAsync(userId, CancellationToken.None);
    }
}
