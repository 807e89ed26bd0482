using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CiamServer.Passwordless.Sms;

/// <summary>Queues messages for <see cref="SmsDeliveryService"/> and returns at once, without touching the
/// network, so a page answers in the same time whether or not it sent a code, and a slow or failing provider
/// never slows a page or makes it fail. Refuses messages when no provider is configured.</summary>
internal sealed class QueuedSmsSender(IOptions<SmsOptions> options) : ISmsSender
{
    // Bounded so a provider outage cannot exhaust memory; a full queue makes senders wait rather than drop codes.
    private readonly Channel<SmsMessage> _queue = Channel.CreateBounded<SmsMessage>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private int _pending;

    public bool IsConfigured => options.Value.IsConfigured;

    public ChannelReader<SmsMessage> Reader => _queue.Reader;

    /// <summary>Messages queued and not yet sent or given up on (tests wait for zero).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsConfigured)
        {
            throw new InvalidOperationException(
                $"No SMS provider is configured ({SmsOptions.Section}); check ISmsSender.IsConfigured before offering text messages.");
        }

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
