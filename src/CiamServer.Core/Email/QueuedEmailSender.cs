using System.Threading.Channels;

namespace CiamServer.Core.Email;

/// <summary>Queues messages for <see cref="EmailDeliveryService"/> and returns at once, without touching the
/// network. Pages answer in the same time whether or not they sent mail (a password reset for an unknown
/// address sends none), so the response time does not tell who has an account, and a slow mail server or
/// counter store never slows a page or makes it fail.</summary>
internal sealed class QueuedEmailSender : IEmailSender
{
    // Bounded so a mail outage cannot exhaust memory; a full queue makes senders wait rather than drop mail.
    private readonly Channel<EmailMessage> _queue = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<EmailMessage> Reader => _queue.Reader;

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync(message, cancellationToken).AsTask();
}
