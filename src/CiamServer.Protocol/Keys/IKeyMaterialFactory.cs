using System.Security.Cryptography;

namespace CiamServer.Protocol.Keys;

/// <summary>Makes new RSA keys. Replaced in tests by one that hands out fixed, pre-generated keys.</summary>
public interface IKeyMaterialFactory
{
    RSA CreateRsaKey(string use);
}

internal sealed class RsaKeyMaterialFactory : IKeyMaterialFactory
{
    public RSA CreateRsaKey(string use) => RSA.Create(2048);
}
