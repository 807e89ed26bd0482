namespace CiamServer.Core.Redis;

/// <summary><c>Ciam:Redis</c>: optional. Without it, counters live in process memory (one node only).</summary>
public sealed class RedisOptions
{
    public const string Section = "Ciam:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379</c>.</summary>
    public string? Configuration { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
