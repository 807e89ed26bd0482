using CiamServer.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CiamServer.Core.Data.Configurations;

/// <summary>Identity makes user names globally unique; here they are unique per tenant.</summary>
internal sealed class UserConfiguration : IEntityTypeConfiguration<CiamUser>
{
    public void Configure(EntityTypeBuilder<CiamUser> builder)
    {
        UniquePerTenant.Replace(builder, u => u.NormalizedUserName, u => new { u.TenantId, u.NormalizedUserName }, "UserNameIndex");
        UniquePerTenant.Replace(builder, u => u.NormalizedEmail, u => new { u.TenantId, u.NormalizedEmail }, "EmailIndex", unique: false);
        // Text-message sign-in finds the account by its E.164 number; only a verified number is ever stored.
        builder.HasIndex(u => new { u.TenantId, u.PhoneNumber }).IsUnique().HasDatabaseName("PhoneNumberIndex");
        // The admin dashboard counts sign-ups per hour or day.
        builder.HasIndex(u => new { u.TenantId, u.CreatedAt });
        builder.Property(u => u.PhoneNumber).HasMaxLength(20);
        builder.Property(u => u.GivenName).HasMaxLength(100);
        builder.Property(u => u.FamilyName).HasMaxLength(100);
    }
}

/// <summary>Identity makes role names globally unique; here they are unique per tenant.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<CiamRole>
{
    public void Configure(EntityTypeBuilder<CiamRole> builder) =>
        UniquePerTenant.Replace(builder, r => r.NormalizedName, r => new { r.TenantId, r.NormalizedName }, "RoleNameIndex");
}
