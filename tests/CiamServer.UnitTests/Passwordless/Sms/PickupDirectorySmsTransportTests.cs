using CiamServer.Passwordless.Sms;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CiamServer.UnitTests.Passwordless.Sms;

[Trait("Category", "Unit")]
[Trait("Category", "Passwordless")]
public sealed class PickupDirectorySmsTransportTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SendAsync_OneMessage_WritesToLineBlankLineAndBody()
    {
        await Transport().SendAsync(new SmsMessage("+12015550123", "Your code is 123456"), CancellationToken.None);

        var file = Assert.Single(_folder.TextFiles());
        Assert.Equal("To: +12015550123\n\nYour code is 123456", await File.ReadAllTextAsync(file));
        Assert.Matches(@"^\d{19}-\d{10}-[0-9a-f]{32}\.txt$", Path.GetFileName(file));
    }

    [Fact]
    public async Task SendAsync_NonAsciiBody_WrittenAsUtf8WithoutMark()
    {
        await Transport().SendAsync(new SmsMessage("+447700900123", "Code 42 • ünïcode"), CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Assert.Single(_folder.TextFiles()));
        Assert.Equal((byte)'T', bytes[0]);
        Assert.Equal("To: +447700900123\n\nCode 42 • ünïcode", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task SendAsync_SeveralMessages_OneFileEachSortedBySendingTime()
    {
        var transport = Transport();
        for (var i = 1; i <= 3; i++)
        {
            await transport.SendAsync(new SmsMessage("+12015550123", $"message {i}"), CancellationToken.None);
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var bodies = await Task.WhenAll(_folder.TextFiles().Select(f => File.ReadAllTextAsync(f)));
        Assert.Equal(["message 1", "message 2", "message 3"], bodies.Select(b => b.Split("\n\n")[1]));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task SendAsync_FrozenClock_FilesStillSortInSendingOrder()
    {
        var transport = Transport();
        for (var i = 1; i <= 12; i++)
        {
            await transport.SendAsync(new SmsMessage("+12015550123", $"message {i}"), CancellationToken.None);
        }

        var bodies = await Task.WhenAll(_folder.TextFiles().Select(f => File.ReadAllTextAsync(f)));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"message {i}"), bodies.Select(b => b.Split("\n\n")[1]));
    }

    [Fact]
    public async Task SendAsync_SameInstant_DistinctFiles()
    {
        var transport = Transport();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            transport.SendAsync(new SmsMessage("+12015550123", $"message {i}"), CancellationToken.None)));

        Assert.Equal(10, _folder.TextFiles().Length);
    }

    [Fact]
    public async Task SendAsync_ReaderWatchingTheFolder_NeverSeesHalfAMessage()
    {
        // Large bodies make a partly written file likely to be seen if the transport wrote in place.
        var body = new string('x', 512 * 1024);
        using var stop = new CancellationTokenSource();
        var partial = 0;
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var file in _folder.TextFiles())
                {
                    var text = File.ReadAllText(file);
                    Interlocked.Increment(ref reads);
                    if (!text.EndsWith(body, StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref partial);
                    }
                }
            }
        });

        var transport = Transport();
        for (var i = 0; i < 20; i++)
        {
            await transport.SendAsync(new SmsMessage("+12015550123", body), CancellationToken.None);
        }

        await Waiting.UntilAsync(() => Volatile.Read(ref reads) > 0);
        await stop.CancelAsync();
        await reader;
        Assert.Equal(0, partial);
        Assert.Equal(20, _folder.TextFiles().Length);
    }

    private PickupDirectorySmsTransport Transport()
    {
        var options = new SmsOptions { PickupDirectory = _folder.Path };
        return new PickupDirectorySmsTransport(Options.Create(options), _clock);
    }
}
