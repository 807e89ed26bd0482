using CiamServer.Core.Administration;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CiamServer.Core.Data.Configurations;

internal sealed class AdminGrantConfiguration : IEntityTypeConfiguration<AdminGrant>
{
    public void Configure(EntityTypeBuilder<AdminGrant> builder)
    {
        builder.ToTable("admin_grants");
        builder.HasKey(g => g.Id);
        builder.Ignore(g => g.IsSuperAdmin);
        // Deleting the admin (or the tenant) removes the grant with it.
        builder.HasOne<CiamUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(g => g.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.UserId, g.TenantId }).IsUnique();
        builder.HasIndex(g => g.TenantId);
    }
}
