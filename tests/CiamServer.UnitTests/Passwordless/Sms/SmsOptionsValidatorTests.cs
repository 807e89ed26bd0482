using CiamServer.Passwordless.Sms;

namespace CiamServer.UnitTests.Passwordless.Sms;

[Trait("Category", "Unit")]
[Trait("Category", "Passwordless")]
public sealed class SmsOptionsValidatorTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string ServiceSid = "MG0123456789abcdef0123456789abcdef";

    [Fact]
    public void Validate_NothingSet_Succeeds() => Assert.True(Validate(new SmsOptions()).Succeeded);

    [Fact]
    public void Validate_PickupDirectoryOnly_Succeeds() =>
        Assert.True(Validate(new SmsOptions { PickupDirectory = "data/sms" }).Succeeded);

    [Theory]
    [InlineData("+12015550100", null)]
    [InlineData(null, ServiceSid)]
    [InlineData("+12015550100", ServiceSid)]
    public void Validate_CompleteTwilio_Succeeds(string? from, string? serviceSid) =>
        Assert.True(Validate(Twilio(AccountSid, "token", from, serviceSid)).Succeeded);

    [Fact]
    public void Validate_PickupDirectoryAndTwilio_FailsNamingBoth()
    {
        var options = Twilio(AccountSid, "token", "+12015550100", null);
        options.PickupDirectory = "data/sms";

        var failure = Assert.Single(Failures(options));
        Assert.Contains("Ciam:Passwordless:Sms:PickupDirectory", failure, StringComparison.Ordinal);
        Assert.Contains("Ciam:Passwordless:Sms:Twilio", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AccountSidWithoutAuthToken_FailsNamingAuthToken() =>
        Assert.Equal(["Ciam:Passwordless:Sms:Twilio:AuthToken is required when Twilio is configured."],
            Failures(Twilio(AccountSid, null, "+12015550100", null)));

    [Fact]
    public void Validate_AuthTokenWithoutAccountSid_FailsNamingAccountSid() =>
        Assert.Equal(["Ciam:Passwordless:Sms:Twilio:AccountSid is required when Twilio is configured."],
            Failures(Twilio(null, "token", "+12015550100", null)));

    [Fact]
    public void Validate_NoSender_FailsNamingFromAndMessagingServiceSid()
    {
        var failure = Assert.Single(Failures(Twilio(AccountSid, "token", null, "  ")));
        Assert.Contains("Ciam:Passwordless:Sms:Twilio:From", failure, StringComparison.Ordinal);
        Assert.Contains("Ciam:Passwordless:Sms:Twilio:MessagingServiceSid", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2015550100")]
    [InlineData("+1 201 555 0100")]
    [InlineData("+0123456789")]
    [InlineData("+1234567890123456")]
    [InlineData("CiamServer")]
    public void Validate_FromNotE164_FailsNamingFrom(string from)
    {
        var failure = Assert.Single(Failures(Twilio(AccountSid, "token", from, null)));
        Assert.StartsWith("Ciam:Passwordless:Sms:Twilio:From must be a phone number in E.164 form", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SK0123456789abcdef0123456789abcdef")]
    [InlineData("AC0123")]
    public void Validate_MalformedAccountSid_FailsNamingAccountSid(string accountSid) =>
        Assert.StartsWith("Ciam:Passwordless:Sms:Twilio:AccountSid must be",
            Assert.Single(Failures(Twilio(accountSid, "token", "+12015550100", null))), StringComparison.Ordinal);

    [Fact]
    public void Validate_MalformedMessagingServiceSid_FailsNamingIt() =>
        Assert.StartsWith("Ciam:Passwordless:Sms:Twilio:MessagingServiceSid must be",
            Assert.Single(Failures(Twilio(AccountSid, "token", null, AccountSid))), StringComparison.Ordinal);

    [Fact]
    public void Validate_OnlyFromSet_ReportsEveryMissingSetting()
    {
        var failures = Failures(Twilio(null, null, "+12015550100", null));

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("AccountSid is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("AuthToken is required", StringComparison.Ordinal));
    }

    private static SmsOptions Twilio(string? accountSid, string? authToken, string? from, string? serviceSid)
    {
        var options = new SmsOptions();
        options.Twilio.AccountSid = accountSid;
        options.Twilio.AuthToken = authToken;
        options.Twilio.From = from;
        options.Twilio.MessagingServiceSid = serviceSid;
        return options;
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(SmsOptions options) =>
        new SmsOptionsValidator().Validate(null, options);

    private static List<string> Failures(SmsOptions options)
    {
        var result = Validate(options);
        Assert.True(result.Failed);
        return [.. result.Failures!];
    }
}
