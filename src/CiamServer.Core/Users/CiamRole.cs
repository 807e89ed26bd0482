using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace CiamServer.Core.Users;

/// <summary>A role within one tenant (RBAC); names are unique per tenant.</summary>
public sealed class CiamRole : IdentityRole<Guid>, ITenantOwned
{
    public CiamRole()
    {
        Id = Guid.CreateVersion7();
    }

    public Guid TenantId { get; set; }
}
