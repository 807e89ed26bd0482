using CiamServer.Core.Revocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CiamServer.Core.Data.Configurations;

internal sealed class RevocationConfiguration : IEntityTypeConfiguration<RevocationRecord>
{
    public void Configure(EntityTypeBuilder<RevocationRecord> builder)
    {
        builder.ToTable("revocations");
        builder.HasKey(r => r.Member);
        builder.Property(r => r.Member).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(64);
        // The replicator reads what is still in force and what was added since its last pass.
        builder.HasIndex(r => r.ExpiresAt);
        builder.HasIndex(r => r.RevokedAt);
    }
}
