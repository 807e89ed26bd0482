using CiamServer.Passwordless.Sms;
using Microsoft.Extensions.Options;

namespace CiamServer.UnitTests.Passwordless.Sms;

[Trait("Category", "Unit")]
[Trait("Category", "Passwordless")]
public sealed class QueuedSmsSenderTests
{
    [Fact]
    public async Task SendAsync_Configured_QueuesAndCountsUntilDone()
    {
        var sender = new QueuedSmsSender(Options.Create(new SmsOptions { PickupDirectory = "data/sms" }));

        await sender.SendAsync(new SmsMessage("+12015550123", "code"), CancellationToken.None);

        Assert.True(sender.IsConfigured);
        Assert.Equal(1, sender.Pending);
        Assert.True(sender.Reader.TryRead(out var queued));
        Assert.Equal(new SmsMessage("+12015550123", "code"), queued);
        sender.Done();
        Assert.Equal(0, sender.Pending);
    }

    [Fact]
    public async Task SendAsync_NothingConfigured_NotConfiguredAndThrows()
    {
        var sender = new QueuedSmsSender(Options.Create(new SmsOptions()));

        Assert.False(sender.IsConfigured);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            sender.SendAsync(new SmsMessage("+12015550123", "code"), CancellationToken.None));
        Assert.Equal(0, sender.Pending);
        Assert.False(sender.Reader.TryRead(out _));
    }

    [Fact]
    public async Task SendAsync_Cancelled_NotCounted()
    {
        var sender = new QueuedSmsSender(Options.Create(new SmsOptions { PickupDirectory = "data/sms" }));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            sender.SendAsync(new SmsMessage("+12015550123", "code"), new CancellationToken(canceled: true)));

        Assert.Equal(0, sender.Pending);
    }
}
