using CiamServer.Admin.Clients;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using CiamServer.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Admin.Roles;

/// <summary>The roles of the current tenant (unique by name, case-insensitive) and who has them. Role names are
/// also named by the tenant's MFA policy (roles that always need a second factor): a rename carries over to the
/// policy in the same transaction, and a role the policy names cannot be deleted.</summary>
public sealed class RoleAdmin(
    CiamDbContext db,
    RoleManager<CiamRole> roles,
    UserManager<CiamUser> users,
    ITenantContext tenants,
    ITenantDirectory directory,
    AdminAudit audit)
{
    public async Task<Outcome<Page<RoleResource>>> ListAsync(int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var request = PageRequest.Parse(limit, cursor);
        if (!request.Succeeded)
        {
            return request.Refusal<Page<RoleResource>>();
        }

        var page = request.Value;
        var query = db.Roles.AsNoTracking();
        if (page.After is { } after)
        {
            query = query.Where(r => string.Compare(r.NormalizedName, after) > 0);
        }

        var fetched = await query.OrderBy(r => r.NormalizedName).Take(page.Limit + 1)
            .Select(r => new { r.Name, r.NormalizedName, Members = db.UserRoles.Count(ur => ur.RoleId == r.Id) })
            .ToListAsync(cancellationToken);
        return Outcome<Page<RoleResource>>.Done(page.Complete(fetched, r => r.NormalizedName!, r => new RoleResource(r.Name!, r.Members)));
    }

    public async Task<RoleResource?> GetAsync(string name, CancellationToken cancellationToken) =>
        await roles.FindByNameAsync(name) is { } role ? await ToResourceAsync(role, cancellationToken) : null;

    public async Task<Outcome<RoleResource>> CreateAsync(RoleInput input, CancellationToken cancellationToken)
    {
        if (!RoleRules.IsValidName(input.Name))
        {
            return Outcome<RoleResource>.Invalid("name", RoleRules.Problem + ".");
        }

        if (await roles.FindByNameAsync(input.Name) is not null)
        {
            return Outcome<RoleResource>.InConflict($"A role '{input.Name}' already exists in this tenant.");
        }

        var role = new CiamRole { Name = input.Name };
        if (Refusal<RoleResource>(await roles.CreateAsync(role), "name") is { } refused)
        {
            return refused;
        }

        var created = await ToResourceAsync(role, cancellationToken);
        await audit.WriteAsync("admin.roles.created", "role", role.Name!, AdminAudit.Change(null, new { created.Name }), cancellationToken);
        return Outcome<RoleResource>.Done(created);
    }

    public async Task<Outcome<RoleResource>> RenameAsync(string name, RoleInput input, CancellationToken cancellationToken)
    {
        if (await roles.FindByNameAsync(name) is not { } role)
        {
            return Outcome<RoleResource>.Missing();
        }

        if (!RoleRules.IsValidName(input.Name))
        {
            return Outcome<RoleResource>.Invalid("name", RoleRules.Problem + ".");
        }

        var oldName = role.Name!;
        if (oldName == input.Name)
        {
            return Outcome<RoleResource>.Done(await ToResourceAsync(role, cancellationToken));
        }

        if (await roles.FindByNameAsync(input.Name) is { } other && other.Id != role.Id)
        {
            return Outcome<RoleResource>.InConflict($"A role '{input.Name}' already exists in this tenant.");
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenants.Required.Id, cancellationToken);
        var outcome = await db.InTransactionAsync(async () =>
        {
            var policyRoles = tenant.Mfa.RolesRequiringMfa;
            if (policyRoles.Contains(oldName, StringComparer.OrdinalIgnoreCase))
            {
                tenant.Mfa.RequiredForRoles = string.Join(',',
                    policyRoles.Select(r => string.Equals(r, oldName, StringComparison.OrdinalIgnoreCase) ? input.Name : r));
            }

            // The role store saves the context: the policy change above is written in the same SaveChanges.
            await roles.SetRoleNameAsync(role, input.Name);
            return Refusal<RoleResource>(await roles.UpdateAsync(role), "name");
        }, refused => refused is null, cancellationToken);
        if (outcome is not null)
        {
            db.ChangeTracker.Clear();
            return outcome;
        }

        directory.Invalidate(tenant.Slug);
        var renamed = await ToResourceAsync(role, cancellationToken);
        await audit.WriteAsync("admin.roles.renamed", "role", renamed.Name, AdminAudit.Change(new { Name = oldName }, new { renamed.Name }), cancellationToken);
        return Outcome<RoleResource>.Done(renamed);
    }

    /// <summary>Deletes the role; its members lose it (their next tokens no longer carry it).</summary>
    public async Task<Outcome<bool>> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (await roles.FindByNameAsync(name) is not { } role)
        {
            return Outcome<bool>.Missing();
        }

        var policy = await db.Tenants.AsNoTracking().Where(t => t.Id == tenants.Required.Id).Select(t => t.Mfa).SingleAsync(cancellationToken);
        if (policy.RolesRequiringMfa.Contains(role.Name!, StringComparer.OrdinalIgnoreCase))
        {
            return Outcome<bool>.InConflict(
                $"The tenant's MFA policy requires a second factor of members of '{role.Name}'; take the role out of the policy first.");
        }

        var before = await ToResourceAsync(role, cancellationToken);
        if (Refusal<bool>(await roles.DeleteAsync(role), "name") is { } refused)
        {
            return refused;
        }

        await audit.WriteAsync("admin.roles.deleted", "role", before.Name, AdminAudit.Change(before, null), cancellationToken);
        return Outcome<bool>.Done(true);
    }

    /// <summary>The users who have the role, ordered by user name (keyset on the normalized user name).</summary>
    public async Task<Outcome<Page<RoleMember>>> MembersAsync(string name, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var request = PageRequest.Parse(limit, cursor);
        if (!request.Succeeded)
        {
            return request.Refusal<Page<RoleMember>>();
        }

        if (await roles.FindByNameAsync(name) is not { } role)
        {
            return Outcome<Page<RoleMember>>.Missing();
        }

        var page = request.Value;
        var members = db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.RoleId == role.Id && ur.UserId == u.Id));
        if (page.After is { } after)
        {
            members = members.Where(u => string.Compare(u.NormalizedUserName, after) > 0);
        }

        var fetched = await members.OrderBy(u => u.NormalizedUserName).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return Outcome<Page<RoleMember>>.Done(page.Complete(fetched, u => u.NormalizedUserName!, u => new RoleMember(u.Id, u.UserName, u.Email)));
    }

    public async Task<UserRolesResource?> UserRolesAsync(Guid userId, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(userId.ToString()) is { } user ? await ToResourceAsync(user) : null;

    /// <summary>Gives the user exactly these roles (in one transaction). Audited as admin.roles.assignments_set.</summary>
    public Task<Outcome<UserRolesResource>> SetUserRolesAsync(Guid userId, UserRolesInput input, CancellationToken cancellationToken) =>
        ChangeUserRolesAsync(userId, "admin.roles.assignments_set", input.Roles, "roles", (_, wanted) => [.. wanted], cancellationToken);

    /// <summary>Adds one role (nothing changes if the user has it). Audited as admin.roles.assigned.</summary>
    public Task<Outcome<UserRolesResource>> AssignAsync(Guid userId, RoleAssignmentInput input, CancellationToken cancellationToken) =>
        ChangeUserRolesAsync(userId, "admin.roles.assigned", input.Role is null ? null : [input.Role], "role",
            (current, wanted) => current.Union(wanted, StringComparer.OrdinalIgnoreCase).ToList(), cancellationToken);

    /// <summary>Takes one role away (nothing changes if the user does not have it). Audited as admin.roles.unassigned.</summary>
    public async Task<Outcome<UserRolesResource>> UnassignAsync(Guid userId, string role, CancellationToken cancellationToken)
    {
        if (await roles.FindByNameAsync(role) is null)
        {
            return Outcome<UserRolesResource>.Missing();
        }

        return await ChangeUserRolesAsync(userId, "admin.roles.unassigned", [role], "role",
            (current, unwanted) => current.Except(unwanted, StringComparer.OrdinalIgnoreCase).ToList(), cancellationToken);
    }

    private async Task<Outcome<UserRolesResource>> ChangeUserRolesAsync(Guid userId, string action, List<string>? named, string field,
        Func<IReadOnlyList<string>, IReadOnlyList<string>, List<string>> combine, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return Outcome<UserRolesResource>.Missing();
        }

        if (named is null)
        {
            return Outcome<UserRolesResource>.Invalid(field, "is required.");
        }

        // Role names as the tenant spells them; an unknown one is a field error.
        var errors = new FieldErrors();
        var canonical = new List<string>();
        for (var i = 0; i < named.Count; i++)
        {
            var role = string.IsNullOrWhiteSpace(named[i]) ? null : await roles.FindByNameAsync(named[i]);
            if (role is null)
            {
                errors.Add(field == "role" ? field : $"{field}[{i}]", $"'{named[i]}' is not one of the tenant's roles.");
            }
            else
            {
                canonical.Add(role.Name!);
            }
        }

        if (errors.Any)
        {
            return Outcome<UserRolesResource>.Invalid(errors.ToDictionary());
        }

        var before = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var wanted = combine(before, canonical);
        var toRemove = before.Except(wanted, StringComparer.OrdinalIgnoreCase).ToList();
        var toAdd = wanted.Except(before, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (toRemove.Count == 0 && toAdd.Count == 0)
        {
            return Outcome<UserRolesResource>.Done(new UserRolesResource(user.Id, before));
        }

        var failure = await db.InTransactionAsync(async () =>
        {
            if (toRemove.Count > 0 && Refusal<UserRolesResource>(await users.RemoveFromRolesAsync(user, toRemove), field) is { } removeRefused)
            {
                return removeRefused;
            }

            return toAdd.Count > 0 ? Refusal<UserRolesResource>(await users.AddToRolesAsync(user, toAdd), field) : null;
        }, refused => refused is null, cancellationToken);
        if (failure is not null)
        {
            db.ChangeTracker.Clear();
            return failure;
        }

        var after = await ToResourceAsync(user);
        await audit.WriteAsync(action, "user", user.Id.ToString(), AdminAudit.Change(new { Roles = before }, new { after.Roles }), cancellationToken);
        return Outcome<UserRolesResource>.Done(after);
    }

    private async Task<RoleResource> ToResourceAsync(CiamRole role, CancellationToken cancellationToken) =>
        new(role.Name!, await db.UserRoles.CountAsync(ur => ur.RoleId == role.Id, cancellationToken));

    private async Task<UserRolesResource> ToResourceAsync(CiamUser user) =>
        new(user.Id, (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList());

    /// <summary>Identity's refusal as an outcome: a duplicate name (two requests at once) is a conflict, the rest field errors.</summary>
    private static Outcome<T>? Refusal<T>(IdentityResult result, string field)
    {
        if (result.Succeeded)
        {
            return null;
        }

        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateRoleName) or nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return Outcome<T>.InConflict(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return Outcome<T>.Invalid(new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
    }
}
