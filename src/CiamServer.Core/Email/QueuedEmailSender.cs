using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using CiamServer.Core.Throttling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiamServer.Core.Email;

/// <summary>Queues messages for <see cref="EmailDeliveryService"/> and returns at once. Pages answer in the
/// same time whether or not they sent mail (a password reset for an unknown address sends none), so the
/// response time does not tell who has an account, and a slow mail server never slows a page. Each address
/// gets at most <see cref="EmailOptions.MaxPerRecipientPerHour"/> messages an hour.</summary>
internal sealed partial class QueuedEmailSender(ICounterStore counters, IOptions<EmailOptions> options, ILogger<QueuedEmailSender> logger)
    : IEmailSender
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    // Bounded so a mail outage cannot exhaust memory; a full queue makes senders wait rather than drop mail.
    private readonly Channel<EmailMessage> _queue = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<EmailMessage> Reader => _queue.Reader;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var sent = await counters.IncrementAsync(RecipientKey(message.To), Window, cancellationToken);
        if (sent > options.Value.MaxPerRecipientPerHour)
        {
            LogRecipientLimit(logger, message.Subject, options.Value.MaxPerRecipientPerHour);
            return;
        }

        await _queue.Writer.WriteAsync(message, cancellationToken);
    }

    /// <summary>A digest, so the counter store never holds email addresses.</summary>
    private static string RecipientKey(string address) =>
        "email:to:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToUpperInvariant())))[..32];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped the email \"{Subject}\": its recipient already had {Limit} messages this hour")]
    private static partial void LogRecipientLimit(ILogger logger, string subject, int limit);
}
