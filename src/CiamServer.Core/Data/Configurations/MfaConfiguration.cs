using CiamServer.Core.Audit;
using CiamServer.Core.Mfa;
using CiamServer.Core.Risk;
using CiamServer.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CiamServer.Core.Data.Configurations;

internal sealed class TotpAuthenticatorConfiguration : IEntityTypeConfiguration<TotpAuthenticator>
{
    public void Configure(EntityTypeBuilder<TotpAuthenticator> builder)
    {
        builder.ToTable("totp_authenticators");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ProtectedSecret).HasMaxLength(1000);
        builder.HasIndex(t => new { t.TenantId, t.UserId }).IsUnique();
        builder.HasOne<CiamUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("recovery_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => new { c.TenantId, c.UserId });
        builder.HasOne<CiamUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RememberedDeviceConfiguration : IEntityTypeConfiguration<RememberedDevice>
{
    public void Configure(EntityTypeBuilder<RememberedDevice> builder)
    {
        builder.ToTable("remembered_devices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.TokenHash).HasMaxLength(64);
        builder.Property(d => d.Description).HasMaxLength(200);
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasIndex(d => new { d.TenantId, d.UserId });
        builder.HasOne<CiamUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> builder)
    {
        builder.ToTable("sign_in_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.AccountName).HasMaxLength(256);
        builder.Property(a => a.Methods).HasMaxLength(100);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.UserAgent).HasMaxLength(512);
        builder.Property(a => a.DeviceHash).HasMaxLength(64);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.Property(a => a.Decision).HasMaxLength(16);
        builder.Property(a => a.Outcome).HasMaxLength(32);
        builder.Property(a => a.SessionId).HasMaxLength(64);
        // The engine reads a user's recent history; admins list a tenant's recent attempts.
        builder.HasIndex(a => new { a.TenantId, a.UserId, a.CreatedAt });
        builder.HasIndex(a => new { a.TenantId, a.CreatedAt });
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorType).HasMaxLength(16);
        builder.Property(e => e.ActorId).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.TargetType).HasMaxLength(50);
        builder.Property(e => e.TargetId).HasMaxLength(100);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.HasIndex(e => new { e.TenantId, e.CreatedAt });
        // One kind of event over a period (the admin dashboard counts sign_in.challenged per hour or day).
        builder.HasIndex(e => new { e.TenantId, e.Action, e.CreatedAt });
    }
}
