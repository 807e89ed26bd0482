using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace CiamServer.Protocol.Clients;

/// <summary>Remembers recent successful client-secret checks. OpenIddict stores secrets as PBKDF2
/// (10,000 iterations, about 6 ms of CPU per check), which would otherwise be paid on every token request.
/// Keyed by the stored hash and a SHA-256 of the presented secret: a changed secret misses, and the
/// cache never holds a secret itself. Failures are not cached, so guessing still costs a full check.</summary>
internal sealed class ClientSecretVerificationCache(IMemoryCache cache)
{
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public bool WasVerified(string storedHash, string presentedSecret) => cache.TryGetValue(Key(storedHash, presentedSecret), out _);

    public void RememberVerified(string storedHash, string presentedSecret) =>
        cache.Set(Key(storedHash, presentedSecret), true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });

    private static string Key(string storedHash, string presentedSecret)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(storedHash + "\n" + presentedSecret));
        return "ciam:client-secret:" + Convert.ToBase64String(digest);
    }
}
