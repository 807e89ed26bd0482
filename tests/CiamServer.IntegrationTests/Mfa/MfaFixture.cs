using CiamServer.Mfa;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace CiamServer.IntegrationTests.Mfa;

/// <summary>A server on a fake clock (TOTP codes are computed for its time; a session is made old by moving it),
/// with the MFA module registered. AddCiamMfa is safe to call twice, so this keeps working once the login
/// module registers it itself.</summary>
public sealed class MfaFixture : ServerFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override TestServerOptions Options() => new()
    {
        Clock = Clock,
        ConfigureServices = services => services.AddCiamMfa(new ConfigurationBuilder().Build()),
    };
}
