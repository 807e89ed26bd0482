using CiamServer.Core.Keys;
using CiamServer.Core.OpenIddict;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Core.Data;

/// <summary>The server's one DbContext. Every <see cref="ITenantOwned"/> row is filtered by the current
/// tenant and stamped with it on insert; code that must see all tenants says so with IgnoreQueryFilters.</summary>
public sealed class CiamDbContext(DbContextOptions<CiamDbContext> options, ITenantContext tenantContext)
    : IdentityDbContext<CiamUser, CiamRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Read by the query filters per query, so one model serves every tenant.
    /// Outside any tenant it is <see cref="Guid.Empty"/>, which matches no row.</summary>
    internal Guid CurrentTenantId => tenantContext.Tenant?.Id ?? Guid.Empty;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    public DbSet<Revocation.RevocationRecord> Revocations => Set<Revocation.RevocationRecord>();

    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<PasskeyCredential> PasskeyCredentials => Set<PasskeyCredential>();

    public DbSet<Mfa.TotpAuthenticator> TotpAuthenticators => Set<Mfa.TotpAuthenticator>();

    public DbSet<Mfa.RecoveryCode> RecoveryCodes => Set<Mfa.RecoveryCode>();

    public DbSet<Mfa.RememberedDevice> RememberedDevices => Set<Mfa.RememberedDevice>();

    public DbSet<Risk.SignInAttempt> SignInAttempts => Set<Risk.SignInAttempt>();

    public DbSet<Audit.AuditEvent> AuditEvents => Set<Audit.AuditEvent>();

    public DbSet<UserImportJob> UserImportJobs => Set<UserImportJob>();

    public DbSet<Administration.AdminGrant> AdminGrants => Set<Administration.AdminGrant>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<CiamApplication, CiamAuthorization, CiamScope, CiamToken, Guid>();
        builder.ApplyConfigurationsFromAssembly(typeof(CiamDbContext).Assembly);
        Configurations.UserSearchColumns.UseProvider(builder.Entity<CiamUser>(), Database.IsNpgsql());
        TenantQueryFilters.Apply(builder, this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantStamp.Apply(ChangeTracker, tenantContext);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantStamp.Apply(ChangeTracker, tenantContext);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
