using CiamServer.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CiamServer.Core.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("user_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.AuthenticationMethods).HasMaxLength(100);
        builder.Property(s => s.EndReason).HasMaxLength(50);
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(512);
        builder.Property(s => s.Location).HasMaxLength(100);
        builder.HasIndex(s => new { s.TenantId, s.UserId });
        // Sessions active now (admin dashboard): only those not yet past their end are read; ExpiresAt never changes.
        builder.HasIndex(s => new { s.TenantId, s.ExpiresAt });
    }
}
