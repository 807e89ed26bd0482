using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CiamServer.Core.Infrastructure;

/// <summary>Tells a failure of the database or Redis (answer 503, the client may retry) from a bug.</summary>
public static class InfrastructureFailure
{
    public static bool Is(Exception exception) => exception switch
    {
        DbException or RedisException or SocketException or TimeoutException => true,
        DbUpdateConcurrencyException => false,
        DbUpdateException update => update.InnerException is { } inner && Is(inner),
        _ when exception.InnerException is { } inner => Is(inner),
        _ => false,
    };
}
