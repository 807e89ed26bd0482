using CiamServer.Core.OpenIddict;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CiamServer.Core.Data.Configurations;

/// <summary>OpenIddict makes client ids and scope names globally unique; here they are unique per tenant.</summary>
internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<CiamApplication>
{
    public void Configure(EntityTypeBuilder<CiamApplication> builder)
    {
        UniquePerTenant.Replace(builder, a => a.ClientId, a => new { a.TenantId, a.ClientId }, "IX_OpenIddictApplications_TenantId_ClientId");
        builder.Property(a => a.BackchannelLogoutUri).HasMaxLength(2048);
    }
}

internal sealed class AuthorizationConfiguration : IEntityTypeConfiguration<CiamAuthorization>
{
    public void Configure(EntityTypeBuilder<CiamAuthorization> builder)
    {
        builder.Property(a => a.SessionId).HasMaxLength(64);
        builder.HasIndex(a => a.SessionId);
    }
}

internal sealed class ScopeConfiguration : IEntityTypeConfiguration<CiamScope>
{
    public void Configure(EntityTypeBuilder<CiamScope> builder) =>
        UniquePerTenant.Replace(builder, s => s.Name, s => new { s.TenantId, s.Name }, "IX_OpenIddictScopes_TenantId_Name");
}
