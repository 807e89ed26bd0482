namespace CiamServer.Core.Tenancy;

/// <summary>A row that belongs to one tenant. The DbContext filters such rows by the current tenant
/// and stamps new ones with it, so no query or insert can cross a tenant boundary by accident.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
