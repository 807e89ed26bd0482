using Microsoft.Extensions.Configuration;

namespace CiamServer.Core.Infrastructure;

/// <summary><c>Ciam:Hosting:AllowInsecureHttp</c> (bound by the host's HostingOptions): the one switch for
/// plain-HTTP development, read by every module whose defaults differ there (cookie names, OpenIddict's
/// transport check, the Data Protection certificate requirement).</summary>
public static class PlainHttp
{
    public const string SettingKey = "Ciam:Hosting:AllowInsecureHttp";

    public static bool IsAllowed(IConfiguration configuration) => configuration.GetValue<bool>(SettingKey);
}
