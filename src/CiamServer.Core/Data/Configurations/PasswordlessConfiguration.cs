using CiamServer.Core.Passwordless;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CiamServer.Core.Data.Configurations;

internal sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> builder)
    {
        builder.ToTable("one_time_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Recipient).HasMaxLength(256);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.Property(c => c.LinkHash).HasMaxLength(64);
        builder.Property(c => c.BrowserHash).HasMaxLength(64);
        builder.Property(c => c.ReturnUrl).HasMaxLength(8192);
        builder.HasIndex(c => c.LinkHash).IsUnique();
        builder.HasIndex(c => c.ExpiresAt);
    }
}

internal sealed class PasskeyCredentialConfiguration : IEntityTypeConfiguration<PasskeyCredential>
{
    public void Configure(EntityTypeBuilder<PasskeyCredential> builder)
    {
        builder.ToTable("passkey_credentials");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CredentialId).HasMaxLength(1023);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Transports).HasMaxLength(200);
        builder.Property(c => c.AttestationFormat).HasMaxLength(32);
        // One credential belongs to one account of one tenant; the same authenticator may hold a passkey for
        // another tenant on the same host, which is a different credential id.
        builder.HasIndex(c => new { c.TenantId, c.CredentialId }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.UserId });
        builder.HasOne<Users.CiamUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
