using System.Net;
using CiamServer.Core.Data;
using CiamServer.IntegrationTests.Support;
using CiamServer.Login.Pages.Account.Security;
using CiamServer.Mfa;
using CiamServer.Mfa.RecoveryCodes;
using CiamServer.Mfa.Totp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Mfa;

/// <summary>Setting up an authenticator app on the account pages, and verifying its codes the way the sign-in
/// challenge will: each 30-second step accepted once, never an older one after a newer one.</summary>
[Trait("Category", "Mfa")]
public sealed class TotpTests(MfaFixture fixture) : IClassFixture<MfaFixture>
{
    private CiamTestServer Server => fixture.Server;

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    [Fact]
    public async Task SetUp_WrongCodeRefused_RightCodeTurnsItOnAndShowsTenRecoveryCodesOnce()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-enrol");
        var (page, secret) = await MfaPages.OpenTotpSetUpAsync(fixture, user.Browser);
        var right = MfaPages.CodeAt(secret, Now);
        var wrong = ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await MfaPages.SubmitCodeAsync(user.Browser, page, wrong);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(TotpModel.WrongCode, await AccountPages.FieldErrorAsync(refused, "Code"));
        Assert.False(await IsEnrolledAsync(user.Id));

        var confirmed = await MfaPages.SubmitCodeAsync(user.Browser, refused, right);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = await MfaPages.RecoveryCodesShownAsync(confirmed);
        Assert.Equal(10, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[A-Z2-9]{5}-[A-Z2-9]{5}$", c));
        Assert.True(confirmed.Headers.CacheControl?.NoStore);
        Assert.True(await IsEnrolledAsync(user.Id));

        var overview = await MfaPages.GetAsync(fixture, user.Browser, "account/security");
        Assert.StartsWith("On:", await MfaPages.TextOfAsync(overview, "#totp-status"), StringComparison.Ordinal);
        Assert.StartsWith("10 codes left", await MfaPages.TextOfAsync(overview, "#codes-status"), StringComparison.Ordinal);
        var codesPage = await MfaPages.GetAsync(fixture, user.Browser, "account/security/recovery-codes");
        Assert.Empty(await MfaPages.RecoveryCodesShownAsync(codesPage));
        Assert.DoesNotContain(codes[0], await codesPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetUp_PageShowsQrCodeOfTheOtpauthUri_AndTheSameKeyUntilConfirmed()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-qr");

        var (first, secret) = await MfaPages.OpenTotpSetUpAsync(fixture, user.Browser);
        var (_, again) = await MfaPages.OpenTotpSetUpAsync(fixture, user.Browser);

        Assert.Equal(secret, again);
        Assert.Matches("^[A-Z2-7]{32}$", secret);
        var image = (await BrowserLikeClient.ParseAsync(first)).QuerySelector("img.qr")!;
        Assert.StartsWith("data:image/svg+xml;base64,", image.GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(image.GetAttribute("alt")));
        Assert.True(first.Headers.CacheControl?.NoStore);
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Users.CiamUser>>();
        var enrolment = await scope.ServiceProvider.GetRequiredService<TotpService>()
            .GetPendingEnrolmentAsync((await users.FindByIdAsync(user.Id.ToString()))!, CancellationToken.None);
        Assert.Equal($"otpauth://totp/Acme%20Corp:{Uri.EscapeDataString(user.Email)}?secret={secret}&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30",
            enrolment!.OtpAuthUri);
    }

    [Theory]
    [InlineData("", TotpModel.MalformedCode)]
    [InlineData("12345", TotpModel.MalformedCode)]
    [InlineData("abcdef", TotpModel.MalformedCode)]
    [InlineData("1234567890123456789012345678901234567890", TotpModel.MalformedCode)]
    public async Task SetUp_MalformedCode_FieldErrorAndTheSameKeyAgain(string code, string message)
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-bad");
        var (page, secret) = await MfaPages.OpenTotpSetUpAsync(fixture, user.Browser);

        var refused = await MfaPages.SubmitCodeAsync(user.Browser, page, code);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(message, await AccountPages.FieldErrorAsync(refused, "Code"));
        Assert.Contains(TotpMath.Grouped(secret), await MfaPages.TextOfAsync(refused, "#totp-key"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetUp_PostWithoutAntiforgeryToken_Refused()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-csrf");
        await MfaPages.OpenTotpSetUpAsync(fixture, user.Browser);

        var response = await user.Browser.Http.PostAsync(MfaPages.Url(fixture, "account/security/totp?handler=Confirm"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "123456" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Verify_SameCodeTwice_AcceptedOnce()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-replay");
        var (secret, _) = await MfaPages.EnrolAsync(fixture, user.Browser);
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = MfaPages.CodeAt(secret, Now);

        Assert.True(await VerifyAsync(user.Id, code));
        Assert.False(await VerifyAsync(user.Id, code));
    }

    [Fact]
    public async Task Verify_SameCodeAtTheSameMoment_OnlyOneAccepted()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-race");
        var (secret, _) = await MfaPages.EnrolAsync(fixture, user.Browser);
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = MfaPages.CodeAt(secret, Now);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => VerifyAsync(user.Id, code)));

        Assert.Single(results, accepted => accepted);
    }

    [Fact]
    public async Task Verify_CodeOfTheEnrolmentStep_AlreadyUsed()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-enrolstep");

        var (secret, _) = await MfaPages.EnrolAsync(fixture, user.Browser);

        Assert.False(await VerifyAsync(user.Id, MfaPages.CodeAt(secret, Now)));
    }

    [Fact]
    public async Task Verify_OlderStepAfterNewer_Refused_EvenInsideTheWindow()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-older");
        var (secret, _) = await MfaPages.EnrolAsync(fixture, user.Browser);
        fixture.Clock.Advance(TimeSpan.FromSeconds(60));

        Assert.True(await VerifyAsync(user.Id, MfaPages.CodeAt(secret, Now.AddSeconds(30)))); // the next step: a phone slightly ahead
        Assert.False(await VerifyAsync(user.Id, MfaPages.CodeAt(secret, Now)));
        Assert.False(await VerifyAsync(user.Id, MfaPages.CodeAt(secret, Now.AddSeconds(-30))));
        fixture.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True(await VerifyAsync(user.Id, MfaPages.CodeAt(secret, Now)));
    }

    [Fact]
    public async Task Verify_OutsideTheWindowOrNotEnrolled_Refused()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-window");
        var (page, secret) = await MfaPages.OpenTotpSetUpAsync(fixture, user.Browser);

        Assert.False(await VerifyAsync(user.Id, MfaPages.CodeAt(secret, Now))); // pending: not a factor yet
        await MfaPages.SubmitCodeAsync(user.Browser, page, MfaPages.CodeAt(secret, Now));
        fixture.Clock.Advance(TimeSpan.FromSeconds(120));

        Assert.False(await VerifyAsync(user.Id, MfaPages.CodeAt(secret, Now.AddSeconds(-60))));
        Assert.False(await VerifyAsync(user.Id, MfaPages.CodeAt(secret, Now.AddSeconds(60))));
        Assert.False(await VerifyAsync(user.Id, null));
        Assert.True(await VerifyAsync(user.Id, MfaPages.CodeAt(secret, Now.AddSeconds(-30))));
    }

    [Fact]
    public async Task Secret_StoredEncrypted_DecryptsOnlyWithTheTotpPurpose()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-rest");
        var (secret, _) = await MfaPages.EnrolAsync(fixture, user.Browser);

        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        var stored = await scope.ServiceProvider.GetRequiredService<CiamDbContext>().TotpAuthenticators.AsNoTracking().SingleAsync(t => t.UserId == user.Id);

        Assert.DoesNotContain(secret, stored.ProtectedSecret, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(Base32(secret)), stored.ProtectedSecret, StringComparison.Ordinal);
        var dataProtection = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>();
        Assert.Equal(secret, dataProtection.CreateProtector(TotpService.ProtectorPurpose).Unprotect(stored.ProtectedSecret));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            dataProtection.CreateProtector("CiamServer.Other").Unprotect(stored.ProtectedSecret));
        Assert.NotNull(stored.ConfirmedAt);
    }

    [Fact]
    public async Task Remove_AsksToConfirm_ThenRemovesTheAppAndItsRecoveryCodes()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-remove");
        var (secret, _) = await MfaPages.EnrolAsync(fixture, user.Browser);

        var manage = await MfaPages.GetAsync(fixture, user.Browser, "account/security/totp");
        Assert.StartsWith("Your authenticator app is set up", await MfaPages.TextOfAsync(manage, "#totp-status"), StringComparison.Ordinal);
        var confirm = await MfaPages.GetAsync(fixture, user.Browser, "account/security/totp?remove=true");
        Assert.True(await IsEnrolledAsync(user.Id));
        var removed = await user.Browser.SubmitFormAsync(confirm, new Dictionary<string, string>(), "form[action*='handler=Remove']");

        Assert.True(BrowserLikeClient.IsRedirect(removed));
        var overview = await user.Browser.FollowAsync(removed);
        Assert.Contains("has been removed", await AccountPages.MainTextAsync(overview), StringComparison.Ordinal);
        Assert.False(await IsEnrolledAsync(user.Id));
        Assert.False(await VerifyAsync(user.Id, MfaPages.CodeAt(secret, Now.AddSeconds(30))));
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RecoveryCodeService>().RemainingAsync(user.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Remove_WithoutTheConfirmField_OnlyAsks()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-noconfirm");
        await MfaPages.EnrolAsync(fixture, user.Browser);
        var confirm = await MfaPages.GetAsync(fixture, user.Browser, "account/security/totp?remove=true");

        var asked = await user.Browser.SubmitFormAsync(confirm, new Dictionary<string, string> { ["confirm"] = "false" }, "form[action*='handler=Remove']");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.True(await IsEnrolledAsync(user.Id));
    }

    [Fact]
    public async Task Audit_SetUpAndRemoval_RecordedWithoutSecretsOrCodes()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "totp-audit");
        var (secret, codes) = await MfaPages.EnrolAsync(fixture, user.Browser);
        await using (var scope = await Server.ForTenantAsync(MfaPages.Tenant))
        {
            await scope.ServiceProvider.GetRequiredService<TotpService>().RemoveAsync(user.Id, CancellationToken.None);
        }

        await using var read = await Server.ForTenantAsync(MfaPages.Tenant);
        var events = await read.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.ActorId == user.Id.ToString()).ToListAsync();

        // The fake clock stands still, so the order is not in CreatedAt: compare as sets.
        Assert.Equal(
            new[] { MfaAuditActions.RecoveryCodesGenerated, MfaAuditActions.TotpEnrolled, MfaAuditActions.TotpRemoved }.Order(StringComparer.Ordinal),
            events.Select(e => e.Action).Where(a => a.StartsWith("mfa.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal("user", e.ActorType));
        var everything = string.Join("\n", events.Select(e => e.DataJson));
        Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        Assert.All(codes, c => Assert.DoesNotContain(c, everything, StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(events.Single(e => e.Action == MfaAuditActions.TotpEnrolled).IpAddress);
    }

    private async Task<bool> IsEnrolledAsync(Guid userId)
    {
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        return await scope.ServiceProvider.GetRequiredService<TotpService>().IsEnrolledAsync(userId, CancellationToken.None);
    }

    private async Task<bool> VerifyAsync(Guid userId, string? code)
    {
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        return await scope.ServiceProvider.GetRequiredService<TotpService>().VerifyAsync(userId, code, CancellationToken.None);
    }

    private static byte[] Base32(string secret) => OtpNet.Base32Encoding.ToBytes(secret);
}
