using System.Threading.Channels;

namespace CiamServer.Protocol.BackchannelLogout;

/// <summary>Decouples sign-out from the clients' endpoints: a slow or dead client never delays the user.</summary>
internal sealed class LogoutDeliveryQueue
{
    private readonly Channel<LogoutDelivery> _channel = Channel.CreateBounded<LogoutDelivery>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ChannelReader<LogoutDelivery> Reader => _channel.Reader;

    public void Enqueue(LogoutDelivery delivery) => _channel.Writer.TryWrite(delivery);
}
