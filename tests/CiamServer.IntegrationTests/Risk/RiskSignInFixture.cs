using Microsoft.Extensions.Time.Testing;

namespace CiamServer.IntegrationTests.Risk;

/// <summary>A server on a fake clock with places for documentation address blocks (Paris, Lyon, New York), a
/// deny-listed block, and a tenant "risky" in adaptive mode with the default thresholds (step up at 40, deny at
/// 90). Clients reach it "from" an address with X-Forwarded-For (loopback is a trusted proxy).</summary>
public sealed class RiskSignInFixture : ServerFixture
{
    public const string Tenant = "risky";
    public const string Paris = "203.0.113.10";
    public const string Lyon = "192.0.2.10";
    public const string NewYork = "198.51.100.10";
    public const string Blocked = "198.18.0.10";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));

    protected override TestServerOptions Options()
    {
        var options = new TestServerOptions { Clock = Clock };
        string[][] networks =
        [
            ["203.0.113.0/24", "FR", "48.8566", "2.3522"],
            ["192.0.2.0/24", "FR", "45.7640", "4.8357"],
            ["198.51.100.0/24", "US", "40.7128", "-74.0060"],
        ];
        for (var i = 0; i < networks.Length; i++)
        {
            options.Settings[$"Ciam:Risk:Networks:{i}:Cidr"] = networks[i][0];
            options.Settings[$"Ciam:Risk:Networks:{i}:Country"] = networks[i][1];
            options.Settings[$"Ciam:Risk:Networks:{i}:Latitude"] = networks[i][2];
            options.Settings[$"Ciam:Risk:Networks:{i}:Longitude"] = networks[i][3];
        }

        options.Settings["Ciam:Risk:DenyList:0"] = "198.18.0.0/15";
        options.ImportDocuments.Add($$"""
            { "tenants": [ { "slug": "{{Tenant}}", "displayName": "Risky", "mfa": { "mode": "adaptive" } } ] }
            """);
        return options;
    }
}
