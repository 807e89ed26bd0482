using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Validation;

namespace CiamServer.Protocol.Keys;

/// <summary>OpenIddict's local-server validation imports the server's signing and encryption keys when its options
/// are built, and keeps them. Signalling a change when the key ring changes makes it import them again, so access
/// tokens signed by a rotated-in key are accepted by this server's own APIs (the admin API, userinfo's validation).</summary>
internal sealed class KeyRingValidationOptionsChangeSource(KeyRingMonitor monitor) : IOptionsChangeTokenSource<OpenIddictValidationOptions>
{
    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => monitor.GetChangeToken();
}
