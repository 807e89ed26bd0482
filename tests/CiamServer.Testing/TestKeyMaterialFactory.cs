using System.Security.Cryptography;
using CiamServer.Core.Keys;
using CiamServer.Protocol.Keys;

namespace CiamServer.Testing;

/// <summary>Hands out the fixed test keys first (no key generation on the test path), fresh ones after
/// (rotation tests need keys that differ).</summary>
public sealed class TestKeyMaterialFactory : IKeyMaterialFactory
{
    private int _signingHandedOut;
    private int _encryptionHandedOut;

    public RSA CreateRsaKey(string use)
    {
        var first = use == KeyUses.Signing
            ? Interlocked.Exchange(ref _signingHandedOut, 1) == 0
            : Interlocked.Exchange(ref _encryptionHandedOut, 1) == 0;
        if (!first)
        {
            return RSA.Create(2048);
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(ReadPem(use == KeyUses.Signing ? "test-signing.pem" : "test-encryption.pem"));
        return rsa;
    }

    private static string ReadPem(string name)
    {
        var assembly = typeof(TestKeyMaterialFactory).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
