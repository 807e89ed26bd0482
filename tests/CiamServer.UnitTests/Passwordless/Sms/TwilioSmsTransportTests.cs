using System.Net;
using System.Text;
using CiamServer.Passwordless.Sms;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CiamServer.UnitTests.Passwordless.Sms;

[Trait("Category", "Unit")]
[Trait("Category", "Passwordless")]
public sealed class TwilioSmsTransportTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "test-auth-token";
    private const string ServiceSid = "MG0123456789abcdef0123456789abcdef";
    private const string Created = """{"sid":"SM0123456789abcdef0123456789abcdef","status":"queued"}""";

    private static readonly SmsMessage Message = new("+447700900123", "Your code is 123456");

    [Fact]
    public async Task SendAsync_WithFrom_PostsToTheAccountsMessagesWithBasicAuth()
    {
        var handler = new FakeHttpHandler(HttpStatusCode.Created, Created);
        var factory = new FakeHttpClientFactory(handler);

        await Transport(factory, from: "+12015550100").SendAsync(Message, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri($"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json"), request.RequestUri);
        Assert.Equal("Basic", request.Headers.Authorization?.Scheme);
        Assert.Equal($"{AccountSid}:{AuthToken}", Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization!.Parameter!)));
        Assert.Equal([TwilioSmsTransport.HttpClientName], factory.Names);
        var form = QueryHelpers.ParseQuery(Assert.Single(handler.Bodies));
        Assert.Equal("+447700900123", form["To"]);
        Assert.Equal("+12015550100", form["From"]);
        Assert.Equal("Your code is 123456", form["Body"]);
        Assert.False(form.ContainsKey("MessagingServiceSid"));
    }

    [Fact]
    public async Task SendAsync_WithMessagingService_SendsItsSidAndNoFrom()
    {
        var handler = new FakeHttpHandler(HttpStatusCode.Created, Created);

        await Transport(new FakeHttpClientFactory(handler), serviceSid: ServiceSid).SendAsync(Message, CancellationToken.None);

        var form = QueryHelpers.ParseQuery(Assert.Single(handler.Bodies));
        Assert.Equal(ServiceSid, form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
        Assert.Equal("+447700900123", form["To"]);
        Assert.Equal("Your code is 123456", form["Body"]);
    }

    [Fact]
    public async Task SendAsync_InvalidNumberRefused_RejectedWithCodeButWithoutTheNumber()
    {
        var refusal = """{"code":21211,"message":"The 'To' number +447700900123 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}""";
        var handler = new FakeHttpHandler(HttpStatusCode.BadRequest, refusal);

        var exception = await Assert.ThrowsAsync<SmsRejectedException>(() =>
            Transport(new FakeHttpClientFactory(handler), from: "+12015550100").SendAsync(Message, CancellationToken.None));

        Assert.Contains("21211", exception.Message, StringComparison.Ordinal);
        Assert.Contains("400", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("7700900123", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BadCredentials_Rejected()
    {
        var refusal = """{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}""";
        var handler = new FakeHttpHandler(HttpStatusCode.Unauthorized, refusal);

        var exception = await Assert.ThrowsAsync<SmsRejectedException>(() =>
            Transport(new FakeHttpClientFactory(handler), from: "+12015550100").SendAsync(Message, CancellationToken.None));

        Assert.Contains("20003", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 20429)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 20503)]
    [InlineData(HttpStatusCode.InternalServerError, 20500)]
    public async Task SendAsync_ThrottledOrServerError_RetryableHttpFailure(HttpStatusCode status, int code)
    {
        var answer = $$"""{"code":{{code}},"message":"Try later","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{(int)status}}}""";
        var handler = new FakeHttpHandler(status, answer);

        var exception = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Transport(new FakeHttpClientFactory(handler), from: "+12015550100").SendAsync(Message, CancellationToken.None));

        Assert.Equal(status, exception.StatusCode);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConnectionFails_RetryableNotRejected()
    {
        var handler = new FakeHttpHandler(HttpStatusCode.OK, "", new HttpRequestException("connection refused"));

        var exception = await Record.ExceptionAsync(() =>
            Transport(new FakeHttpClientFactory(handler), from: "+12015550100").SendAsync(Message, CancellationToken.None));

        Assert.NotNull(exception);
        Assert.IsNotType<SmsRejectedException>(exception);
        Assert.IsNotType<OperationCanceledException>(exception, exactMatch: false);
    }

    private static TwilioSmsTransport Transport(IHttpClientFactory factory, string? from = null, string? serviceSid = null)
    {
        var options = new SmsOptions();
        options.Twilio.AccountSid = AccountSid;
        options.Twilio.AuthToken = AuthToken;
        options.Twilio.From = from;
        options.Twilio.MessagingServiceSid = serviceSid;
        return new TwilioSmsTransport(Options.Create(options), factory);
    }
}
