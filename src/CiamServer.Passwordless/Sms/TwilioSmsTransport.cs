using System.Net;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace CiamServer.Passwordless.Sms;

/// <summary>Production sender: Twilio's Messages API through the official SDK. A client is built per message
/// from <see cref="TwilioSmsOptions"/> and an HttpClient of the factory, never with the SDK's static
/// <c>TwilioClient.Init</c> (process-wide state), so settings come from options and tests can replace the
/// HTTP handler. Refusals (4xx but 429) become <see cref="SmsRejectedException"/>; throttling, server errors
/// and connection failures stay retryable.</summary>
internal sealed class TwilioSmsTransport(IOptions<SmsOptions> options, IHttpClientFactory httpClients) : ISmsTransport
{
    public const string HttpClientName = "Twilio";

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value.Twilio;
        var client = new TwilioRestClient(
            settings.AccountSid, settings.AuthToken, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
        var create = new CreateMessageOptions(new PhoneNumber(message.To)) { Body = message.Body };
        if (!string.IsNullOrWhiteSpace(settings.From))
        {
            create.From = new PhoneNumber(settings.From);
        }

        if (!string.IsNullOrWhiteSpace(settings.MessagingServiceSid))
        {
            create.MessagingServiceSid = settings.MessagingServiceSid;
        }

        try
        {
            // The SDK takes no cancellation token; the HttpClient's timeout bounds the request itself.
            await MessageResource.CreateAsync(create, client).WaitAsync(cancellationToken);
        }
        catch (ApiException exception)
        {
            throw Translate(exception);
        }
    }

    /// <summary>Keeps Twilio's status and error code but not its message, which can quote the phone number.</summary>
    private static Exception Translate(ApiException exception)
    {
        var status = (HttpStatusCode)exception.Status;
        var description = $"Twilio answered {exception.Status} with error {exception.Code} (https://www.twilio.com/docs/errors/{exception.Code})";
        var retryable = exception.Status is 0 or 429 or >= 500;
        return retryable
            ? new HttpRequestException(description + ".", inner: null, status)
            : new SmsRejectedException(description + "; the message was not sent.");
    }
}
