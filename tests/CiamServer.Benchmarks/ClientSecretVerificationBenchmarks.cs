using System.Reflection;
using BenchmarkDotNet.Attributes;
using CiamServer.Core.OpenIddict;
using CiamServer.Protocol.Clients;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace CiamServer.Benchmarks;

/// <summary>What checking a client secret costs per token request: OpenIddict's PBKDF2 check (what every
/// request would pay) against the cached path the server takes after one successful check.</summary>
[MemoryDiagnoser]
public class ClientSecretVerificationBenchmarks
{
    private const string Secret = "benchmark-only-client-secret-0123456789";
    private SecretHashing _hashing = null!;
    private string _storedHash = null!;
    private ClientSecretVerificationCache _cache = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _hashing = new SecretHashing();
        _storedHash = await _hashing.HashAsync(Secret);
        _cache = new ClientSecretVerificationCache(new MemoryCache(new MemoryCacheOptions()));
        _cache.RememberVerified(_storedHash, Secret);
    }

    [Benchmark(Baseline = true, Description = "OpenIddict PBKDF2 check (uncached)")]
    public ValueTask<bool> Pbkdf2Check() => _hashing.VerifyAsync(Secret, _storedHash);

    [Benchmark(Description = "Cached check (SHA-256 + memory cache hit)")]
    public bool CachedCheck() => _cache.WasVerified(_storedHash, Secret);

    /// <summary>Reaches OpenIddict's own hashing and verification (protected members of its manager);
    /// the store and cache are never touched by these two methods.</summary>
    private sealed class SecretHashing()
        : OpenIddictApplicationManager<CiamApplication>(
            Unused.Instance<IOpenIddictApplicationCache<CiamApplication>>(),
            NullLogger<OpenIddictApplicationManager<CiamApplication>>.Instance,
            new StaticOptionsMonitor(),
            Unused.Instance<IOpenIddictApplicationStore<CiamApplication>>())
    {
        public ValueTask<string> HashAsync(string secret) => ObfuscateClientSecretAsync(secret);

        public ValueTask<bool> VerifyAsync(string secret, string hash) => ValidateClientSecretAsync(secret, hash);
    }

    /// <summary>Stands in for the store and cache the manager's constructor insists on; any call fails loudly.</summary>
    public class Unused : DispatchProxy
    {
        public static T Instance<T>() where T : class => Create<T, Unused>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException($"{targetMethod?.Name} is not used by the benchmark.");
    }

    private sealed class StaticOptionsMonitor : IOptionsMonitor<OpenIddictCoreOptions>
    {
        public OpenIddictCoreOptions CurrentValue { get; } = new();

        public OpenIddictCoreOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<OpenIddictCoreOptions, string?> listener) => null;
    }
}
