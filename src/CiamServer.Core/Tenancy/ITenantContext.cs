namespace CiamServer.Core.Tenancy;

/// <summary>The tenant of the current request (or of the current unit of work, for start-up jobs).</summary>
public interface ITenantContext
{
    Tenant? Tenant { get; }

    /// <summary>The current tenant, or an exception when code that needs one runs outside any tenant.</summary>
    Tenant Required { get; }

    void Set(Tenant tenant);
}

internal sealed class TenantContext : ITenantContext
{
    public Tenant? Tenant { get; private set; }

    public Tenant Required => Tenant ?? throw new InvalidOperationException("No tenant is set for this unit of work.");

    public void Set(Tenant tenant) => Tenant = tenant;
}
