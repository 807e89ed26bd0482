using System.Net;
using CiamServer.Core.Data;
using CiamServer.Core.Users;
using CiamServer.IntegrationTests.Support;
using CiamServer.Mfa.Devices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Mfa;

/// <summary>Remembered devices: the cookie the sign-in challenge will set (called here through the service, as the
/// challenge will), its checks, and listing and forgetting devices on the security page.</summary>
[Trait("Category", "Mfa")]
public sealed class RememberedDeviceTests(MfaFixture fixture) : IClassFixture<MfaFixture>
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Remember_CookieHostPrefixedSecureHttpOnlyLax_OnlyTheHashStored_ListedAsThisDevice()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "device-cookie");

        var setCookie = await RememberAsync(user.Id, user.Browser.Cookies, Chrome);

        Assert.StartsWith("__Host-ciam.device.acme=", setCookie, StringComparison.Ordinal);
        foreach (var attribute in new[] { "path=/", "secure", "httponly", "samesite=lax", "expires=" })
        {
            Assert.Contains(attribute, setCookie, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("domain=", setCookie, StringComparison.OrdinalIgnoreCase);
        var row = Assert.Single(await DevicesAsync(user.Id));
        Assert.Equal("Chrome 131 on Windows", row.Description);
        Assert.Equal(fixture.Clock.GetUtcNow().UtcDateTime.AddDays(30), row.ExpiresAt, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
        Assert.Matches("^[0-9a-f]{64}$", row.TokenHash);
        Assert.DoesNotContain(row.TokenHash, setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(await IsRememberedAsync(user.Browser.Cookies, user.Id));
        Assert.NotNull(Assert.Single(await DevicesAsync(user.Id)).LastUsedAt);

        var page = await MfaPages.GetAsync(fixture, user.Browser, "account/security");
        var text = await AccountPages.MainTextAsync(page);
        Assert.Contains("Chrome 131 on Windows This device", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsRemembered_AnotherUserTamperedCookieOrNoCookie_False()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "device-checks");
        using var other = await MfaPages.SignedInUserAsync(fixture, "device-other");
        await RememberAsync(user.Id, user.Browser.Cookies, Chrome);

        Assert.False(await IsRememberedAsync(user.Browser.Cookies, other.Id));
        Assert.False(await IsRememberedAsync(other.Browser.Cookies, user.Id));
        var tampered = new System.Net.CookieContainer();
        var cookie = user.Browser.Cookies.GetAllCookies().Single(c => c.Name.StartsWith("__Host-ciam.device.", StringComparison.Ordinal));
        tampered.Add(Server.BaseAddress, new Cookie(cookie.Name, cookie.Value[..^4] + "AAAA", "/"));
        Assert.False(await IsRememberedAsync(tampered, user.Id));
        Assert.True(await IsRememberedAsync(user.Browser.Cookies, user.Id));
    }

    [Fact]
    public async Task Remember_AgainInTheSameBrowser_TheEarlierTokenIsRevoked()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "device-again");
        var earlier = new System.Net.CookieContainer();
        await RememberAsync(user.Id, earlier, Chrome);
        foreach (Cookie cookie in earlier.GetAllCookies())
        {
            user.Browser.Cookies.Add(Server.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        await RememberAsync(user.Id, user.Browser.Cookies, Chrome);

        Assert.False(await IsRememberedAsync(earlier, user.Id));
        Assert.True(await IsRememberedAsync(user.Browser.Cookies, user.Id));
        Assert.Single(await DevicesAsync(user.Id, activeOnly: true));
    }

    [Fact]
    public async Task Forget_OneDeviceFromThePage_OnlyThatDeviceAskedAgain()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "device-forget");
        var laptop = new System.Net.CookieContainer();
        await RememberAsync(user.Id, laptop, Firefox);
        await RememberAsync(user.Id, user.Browser.Cookies, Chrome);
        var laptopId = (await DevicesAsync(user.Id)).Single(d => d.Description == "Firefox 133 on Linux").Id;
        var page = await MfaPages.GetAsync(fixture, user.Browser, "account/security");
        Assert.Equal(2, (await BrowserLikeClient.ParseAsync(page)).QuerySelectorAll("ul.devices li").Length);

        var forgotten = await user.Browser.SubmitFormAsync(page, new Dictionary<string, string> { ["id"] = laptopId.ToString() },
            "form[action$='handler=Revoke']");

        Assert.Equal(HttpStatusCode.OK, forgotten.StatusCode);
        Assert.Contains("will be asked for a second step", await AccountPages.MainTextAsync(forgotten), StringComparison.Ordinal);
        Assert.False(await IsRememberedAsync(laptop, user.Id));
        Assert.True(await IsRememberedAsync(user.Browser.Cookies, user.Id));
        Assert.Single((await BrowserLikeClient.ParseAsync(forgotten)).QuerySelectorAll("ul.devices li"));
    }

    [Fact]
    public async Task Forget_AnotherUsersDevice_NothingHappens()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "device-mine");
        using var other = await MfaPages.SignedInUserAsync(fixture, "device-theirs");
        await RememberAsync(other.Id, other.Browser.Cookies, Chrome);
        await RememberAsync(user.Id, user.Browser.Cookies, Chrome);
        var theirs = Assert.Single(await DevicesAsync(other.Id)).Id;
        var page = await MfaPages.GetAsync(fixture, user.Browser, "account/security");

        var answer = await user.Browser.SubmitFormAsync(page, new Dictionary<string, string> { ["id"] = theirs.ToString() }, "form[action$='handler=Revoke']");

        Assert.Equal("That device is no longer remembered.", await AccountPages.AlertAsync(answer));
        Assert.True(await IsRememberedAsync(other.Browser.Cookies, other.Id));
    }

    [Fact]
    public async Task ForgetAll_FromThePage_EveryDeviceAskedAgain()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "device-all");
        var laptop = new System.Net.CookieContainer();
        await RememberAsync(user.Id, laptop, Firefox);
        await RememberAsync(user.Id, user.Browser.Cookies, Chrome);
        var page = await MfaPages.GetAsync(fixture, user.Browser, "account/security");

        var forgotten = await user.Browser.SubmitFormAsync(page, new Dictionary<string, string>(), "form[action*='handler=RevokeAll']");

        Assert.Equal(HttpStatusCode.OK, forgotten.StatusCode);
        Assert.False(await IsRememberedAsync(laptop, user.Id));
        Assert.False(await IsRememberedAsync(user.Browser.Cookies, user.Id));
        Assert.Contains("No devices skip the second step", await AccountPages.MainTextAsync(forgotten), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remember_PastItsDays_NoLongerRememberedNorListed()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "device-expiry");
        await RememberAsync(user.Id, user.Browser.Cookies, Chrome, days: 1);

        fixture.Clock.Advance(TimeSpan.FromHours(23));
        Assert.True(await IsRememberedAsync(user.Browser.Cookies, user.Id));
        fixture.Clock.Advance(TimeSpan.FromHours(2));

        Assert.False(await IsRememberedAsync(user.Browser.Cookies, user.Id));
        Assert.Empty(await DevicesAsync(user.Id, activeOnly: true));
    }

    /// <summary>Remembers a browser the way the sign-in challenge will, and hands the cookie to <paramref name="jar"/>.</summary>
    private async Task<string> RememberAsync(Guid userId, System.Net.CookieContainer jar, string userAgent, int days = 30)
    {
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByIdAsync(userId.ToString());
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.UserAgent = userAgent;
        context.Request.Headers.Cookie = jar.GetCookieHeader(Server.BaseAddress);
        await scope.ServiceProvider.GetRequiredService<RememberedDeviceService>().RememberAsync(context, user!, days, CancellationToken.None);
        var setCookie = context.Response.Headers.SetCookie.ToString();
        jar.SetCookies(Server.BaseAddress, setCookie);
        return setCookie;
    }

    private async Task<bool> IsRememberedAsync(System.Net.CookieContainer jar, Guid userId)
    {
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Cookie = jar.GetCookieHeader(Server.BaseAddress);
        return await scope.ServiceProvider.GetRequiredService<RememberedDeviceService>().IsRememberedAsync(context, userId, CancellationToken.None);
    }

    private async Task<List<Core.Mfa.RememberedDevice>> DevicesAsync(Guid userId, bool activeOnly = false)
    {
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        if (activeOnly)
        {
            return [.. await scope.ServiceProvider.GetRequiredService<RememberedDeviceService>().ListAsync(userId, CancellationToken.None)];
        }

        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().RememberedDevices.AsNoTracking().Where(d => d.UserId == userId).ToListAsync();
    }
}
