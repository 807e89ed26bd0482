namespace CiamServer.Admin.Access;

/// <summary>Endpoint metadata: only a super-admin may call it (tenants, signing keys, administrators). On an API
/// group it is added with WithMetadata; on a console page model it is this attribute.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SuperAdminOnlyAttribute : Attribute
{
    public static readonly SuperAdminOnlyAttribute Instance = new();
}
