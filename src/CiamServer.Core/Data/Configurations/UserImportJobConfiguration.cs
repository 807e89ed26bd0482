using CiamServer.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CiamServer.Core.Data.Configurations;

internal sealed class UserImportJobConfiguration : IEntityTypeConfiguration<UserImportJob>
{
    public void Configure(EntityTypeBuilder<UserImportJob> builder)
    {
        builder.ToTable("user_import_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Status).HasMaxLength(16);
        builder.Property(j => j.Format).HasMaxLength(8);
        builder.Property(j => j.Error).HasMaxLength(1000);
        builder.Property(j => j.RequestedBy).HasMaxLength(100);
        builder.Property(j => j.RequestedFrom).HasMaxLength(64);
        // Workers look for queued jobs and for running ones whose lease ran out.
        builder.HasIndex(j => new { j.Status, j.LeaseUntil });
        builder.HasIndex(j => new { j.TenantId, j.CreatedAt });
    }
}
