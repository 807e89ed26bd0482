using System.Collections.Concurrent;
using CiamServer.Passwordless.Sms;

namespace CiamServer.UnitTests.Passwordless.Sms;

/// <summary>Keeps every message it is given; the first <c>failures</c> attempts throw what <c>failWith</c> makes.</summary>
internal sealed class RecordingSmsTransport(int failures = 0, Func<Exception>? failWith = null) : ISmsTransport
{
    private int _attempts;

    public ConcurrentQueue<SmsMessage> Sent { get; } = new();

    public int Attempts => Volatile.Read(ref _attempts);

    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _attempts) <= failures)
        {
            throw (failWith ?? (() => new HttpRequestException("provider unavailable")))();
        }

        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
