using CiamServer.Admin.Tenants;
using CiamServer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.UnitTests.Admin;

public sealed class TenantDeletionOrderTests
{
    private static readonly List<string> Order = Tables(DatabaseProvider.PostgreSql);

    [Theory]
    [InlineData("OpenIddictTokens", "OpenIddictAuthorizations")]
    [InlineData("OpenIddictAuthorizations", "OpenIddictApplications")]
    [InlineData("totp_authenticators", "AspNetUsers")]
    [InlineData("passkey_credentials", "AspNetUsers")]
    [InlineData("recovery_codes", "AspNetUsers")]
    [InlineData("remembered_devices", "AspNetUsers")]
    public void DeletionOrder_ReferencingTableFirst(string dependent, string principal) =>
        Assert.True(Order.IndexOf(dependent) < Order.IndexOf(principal), string.Join(", ", Order));

    [Fact]
    public void DeletionOrder_CoversEveryTenantOwnedTable_AndNothingShared()
    {
        Assert.Superset(new HashSet<string>
        {
            "AspNetUsers", "AspNetRoles", "OpenIddictApplications", "OpenIddictScopes", "OpenIddictAuthorizations", "OpenIddictTokens",
            "user_sessions", "audit_events", "sign_in_attempts", "one_time_codes",
        }, Order.ToHashSet());
        Assert.DoesNotContain("tenants", Order);
        Assert.DoesNotContain("signing_keys", Order);
        Assert.DoesNotContain("revocations", Order);
        Assert.DoesNotContain("DataProtectionKeys", Order);
    }

    [Fact]
    public void DeletionOrder_SameOnBothProviders() => Assert.Equal(Order, Tables(DatabaseProvider.Sqlite));

    private static List<string> Tables(DatabaseProvider provider)
    {
        using var db = DesignTimeContexts.Create(new DatabaseOptions { Provider = provider, ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost" });
        return [.. TenantDeletion.DeletionOrder(db.Model).Select(t => t.GetTableName()!)];
    }
}
