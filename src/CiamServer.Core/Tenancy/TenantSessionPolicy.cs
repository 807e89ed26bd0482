namespace CiamServer.Core.Tenancy;

/// <summary>How long a sign-in session lives: ended after idling this long, and after this long in any case.</summary>
public sealed class TenantSessionPolicy
{
    public int IdleTimeoutMinutes { get; set; } = 30;

    public int AbsoluteLifetimeMinutes { get; set; } = 12 * 60;
}
