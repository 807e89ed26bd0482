using CiamServer.Passwordless.Sms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CiamServer.UnitTests.Passwordless.Sms;

[Trait("Category", "Unit")]
[Trait("Category", "Passwordless")]
public sealed class SmsDeliveryServiceTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ListLogger<SmsDeliveryService> _logger = new();
    private readonly QueuedSmsSender _queue = new(Options.Create(new SmsOptions { PickupDirectory = "unused" }));

    [Fact]
    public async Task Queued_SeveralMessages_AllSentInOrderAndPendingBackToZero()
    {
        var transport = new RecordingSmsTransport();
        using var service = await StartAsync(transport);

        for (var i = 1; i <= 3; i++)
        {
            await _queue.SendAsync(new SmsMessage("+12015550123", $"code {i}"), CancellationToken.None);
        }

        await Waiting.UntilAsync(() => _queue.Pending == 0);
        Assert.Equal(["code 1", "code 2", "code 3"], transport.Sent.Select(m => m.Body));
        Assert.All(transport.Sent, m => Assert.Equal("+12015550123", m.To));
    }

    [Fact]
    public async Task Queued_TransientFailure_RetriedAfterPauseAndSent()
    {
        var transport = new RecordingSmsTransport(failures: 2);
        using var service = await StartAsync(transport);

        await _queue.SendAsync(new SmsMessage("+12015550123", "code 1"), CancellationToken.None);

        await Waiting.UntilAsync(() => _queue.Pending == 0, () => _clock.Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal(3, transport.Attempts);
        Assert.Equal("code 1", Assert.Single(transport.Sent).Body);
        Assert.Equal(2, _logger.Entries.Count(e => e.Level == LogLevel.Warning));
    }

    [Fact]
    public async Task Queued_Rejected_TriedOnceLoggedAndNextMessageStillSent()
    {
        var transport = new RecordingSmsTransport(failures: 1, failWith: () => new SmsRejectedException("refused"));
        using var service = await StartAsync(transport);

        await _queue.SendAsync(new SmsMessage("+12015550123", "code 1"), CancellationToken.None);
        await _queue.SendAsync(new SmsMessage("+12015550123", "code 2"), CancellationToken.None);

        await Waiting.UntilAsync(() => _queue.Pending == 0);
        Assert.Equal(2, transport.Attempts);
        Assert.Equal("code 2", Assert.Single(transport.Sent).Body);
        Assert.Single(_logger.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task Queued_AlwaysFailing_GivesUpAfterFourAttemptsWithoutStopping()
    {
        var transport = new RecordingSmsTransport(failures: 4, failWith: () => new InvalidOperationException("broken"));
        using var service = await StartAsync(transport);

        await _queue.SendAsync(new SmsMessage("+12015550123", "code 1"), CancellationToken.None);
        await _queue.SendAsync(new SmsMessage("+12015550123", "code 2"), CancellationToken.None);

        await Waiting.UntilAsync(() => _queue.Pending == 0, () => _clock.Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal(5, transport.Attempts);
        Assert.Equal("code 2", Assert.Single(transport.Sent).Body);
        Assert.Single(_logger.Entries, e => e.Level == LogLevel.Error && e.Text.StartsWith("Gave up", StringComparison.Ordinal));
        Assert.False(service.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task Failure_Logged_NumberMaskedAndBodyNeverShown()
    {
        var transport = new RecordingSmsTransport(failures: 1, failWith: () => new SmsRejectedException("refused"));
        using var service = await StartAsync(transport);

        await _queue.SendAsync(new SmsMessage("+12015550123", "Your code is 987654"), CancellationToken.None);

        await Waiting.UntilAsync(() => _queue.Pending == 0);
        var entry = Assert.Single(_logger.Entries);
        Assert.Contains("+1••••••••23", entry.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2015550123", entry.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("987654", entry.Text, StringComparison.Ordinal);
    }

    private async Task<SmsDeliveryService> StartAsync(ISmsTransport transport)
    {
        var service = new SmsDeliveryService(_queue, transport, _clock, _logger);
        await service.StartAsync(CancellationToken.None);
        return service;
    }
}
