namespace CiamServer.Admin.Roles;

/// <summary>A role of the tenant and how many users have it. The "roles" scope puts a user's role names in tokens.</summary>
public sealed record RoleResource(string Name, int MemberCount);

/// <summary>A role's name: to create a role, or to rename one.</summary>
public sealed class RoleInput
{
    public string? Name { get; set; }
}

/// <summary>A user who has a role.</summary>
public sealed record RoleMember(Guid Id, string? UserName, string? Email);

/// <summary>The roles of one user.</summary>
public sealed record UserRolesResource(Guid UserId, IReadOnlyList<string> Roles);

/// <summary>The whole set of a user's roles (PUT replaces it).</summary>
public sealed class UserRolesInput
{
    public List<string>? Roles { get; set; }
}

/// <summary>One role to give a user.</summary>
public sealed class RoleAssignmentInput
{
    public string? Role { get; set; }
}
