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

    private int _pending;

    public ChannelReader<EmailMessage> Reader => _queue.Reader;

    /// <summary>Messages queued and not yet sent, dropped or given up on (tests wait for zero).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pending);
        try
        {
            await _queue.Writer.WriteAsync(message, cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _pending);
            throw;
        }
    }

    /// <summary>Called by the delivery service when it is done with a message, whatever became of it.</summary>
    public void Done() => Interlocked.Decrement(ref _pending);
}
