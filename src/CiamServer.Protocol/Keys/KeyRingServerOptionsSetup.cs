using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace CiamServer.Protocol.Keys;

/// <summary>Gives OpenIddict the key ring's credentials each time its options are (re)built.</summary>
internal sealed class KeyRingServerOptionsSetup(KeyRingMonitor monitor)
    : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    public string Name => Options.DefaultName;

    public void Configure(OpenIddictServerOptions options)
    {
        var ring = monitor.Current;
        foreach (var key in ring.SigningKeys)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in ring.EncryptionKeys)
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }

    public IChangeToken GetChangeToken() => monitor.GetChangeToken();
}
