using System.Net;
using StackExchange.Redis;

namespace CiamServer.TokenValidation.Tests.Infrastructure;

internal static class RedisEndpoint
{
    /// <summary>The host and port of the test Redis, to put an <see cref="OutageProxy"/> in front of it.</summary>
    public static async Task<(string Host, int Port)> OfTestRedisAsync()
    {
        var endpoint = ConfigurationOptions.Parse(await TestServices.RedisAsync()).EndPoints[0];
        return endpoint switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            _ => throw new InvalidOperationException($"Unexpected Redis endpoint {endpoint}"),
        };
    }
}
