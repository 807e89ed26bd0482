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
        // Sign-in finds an account by its email; the admin user search reads it as a prefix range in (email, id) order.
        UniquePerTenant.Replace(builder, u => u.NormalizedEmail, u => new { u.TenantId, u.NormalizedEmail, u.Id }, "EmailIndex", unique: false);
        // Text-message sign-in finds the account by its E.164 number; only a verified number is ever stored.
        builder.HasIndex(u => new { u.TenantId, u.PhoneNumber }).IsUnique().HasDatabaseName("PhoneNumberIndex");
        // The admin dashboard counts sign-ups per hour or day.
        builder.HasIndex(u => new { u.TenantId, u.CreatedAt });
        builder.Property(u => u.PhoneNumber).HasMaxLength(20);
        builder.Property(u => u.GivenName).HasMaxLength(100);
        builder.Property(u => u.FamilyName).HasMaxLength(100);
        UserSearchColumns.Configure(builder);
    }
}

/// <summary>Identity makes role names globally unique; here they are unique per tenant.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<CiamRole>
{
    public void Configure(EntityTypeBuilder<CiamRole> builder) =>
        UniquePerTenant.Replace(builder, r => r.NormalizedName, r => new { r.TenantId, r.NormalizedName }, "RoleNameIndex");
}

/// <summary>What the admin user search reads (see docs/admin/users.md): upper-cased names computed by the database
/// (so no code path can forget them) and an index per search shape, each led by the tenant and ending with the id,
/// the keyset order. In PostgreSQL the searched columns compare in the "C" collation (byte order), so a prefix
/// (LIKE 'ABC%') is an index range whatever the database's locale; SQLite compares bytes already.</summary>
internal static class UserSearchColumns
{
    private const string SearchName = CiamUserSearchColumns.Name;
    private const string SearchFamilyName = CiamUserSearchColumns.FamilyName;
    private const string OrdinalCollation = "C";

    public static void Configure(EntityTypeBuilder<CiamUser> builder)
    {
        builder.Property<string>(SearchName).HasMaxLength(256);
        builder.Property<string?>(SearchFamilyName).HasMaxLength(256);
        builder.HasIndex(nameof(CiamUser.TenantId), SearchName, nameof(CiamUser.Id)).HasDatabaseName("UserSearchNameIndex");
        builder.HasIndex(nameof(CiamUser.TenantId), SearchFamilyName, nameof(CiamUser.Id)).HasDatabaseName("UserSearchFamilyNameIndex");
        // The unfiltered list, newest first (ids are version 7 UUIDs: time ordered).
        builder.HasIndex(u => new { u.TenantId, u.Id }).HasDatabaseName("UserListIndex");
    }

    /// <summary>The provider's part, called by the DbContext (configurations do not know the provider). PostgreSQL
    /// upper-cases with ICU's root locale whatever the database's own (a "C" database would upper-case ASCII only)
    /// and, before version 18, can only store a generated column; SQLite cannot add a stored one to an existing table
    /// and its upper() knows ASCII only.</summary>
    public static void UseProvider(EntityTypeBuilder<CiamUser> builder, bool postgreSql)
    {
        var unicode = postgreSql ? " COLLATE \"und-x-icu\"" : string.Empty;
        builder.Property<string>(SearchName).HasComputedColumnSql(
            $"upper((coalesce(\"GivenName\", '') || ' ' || coalesce(\"FamilyName\", '')){unicode})", stored: postgreSql);
        builder.Property<string?>(SearchFamilyName).HasComputedColumnSql($"upper(\"FamilyName\"{unicode})", stored: postgreSql);
        if (postgreSql)
        {
            foreach (var column in new[] { SearchName, SearchFamilyName, nameof(CiamUser.NormalizedEmail), nameof(CiamUser.PhoneNumber) })
            {
                builder.Property(column).UseCollation(OrdinalCollation);
            }
        }
    }
}
