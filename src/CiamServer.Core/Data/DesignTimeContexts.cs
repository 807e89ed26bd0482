using CiamServer.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Core.Data;

/// <summary>A DbContext outside any request, for the migration tooling.</summary>
public static class DesignTimeContexts
{
    public static CiamDbContext Create(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<CiamDbContext>();
        DatabaseRegistration.Configure(builder, options);
        return new CiamDbContext(builder.Options, new TenantContext());
    }
}
