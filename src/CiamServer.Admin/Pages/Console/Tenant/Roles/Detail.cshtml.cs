using CiamServer.Admin.Console;
using CiamServer.Admin.Roles;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Roles;

/// <summary>One role: its members (a page at a time), giving it to a user by email, taking it away, renaming and
/// deleting it.</summary>
public sealed class DetailModel(RoleAdmin roles, UserManager<CiamUser> users) : TenantConsolePageModel
{
    [FromRoute]
    public string Name { get; set; } = string.Empty;

    [FromQuery]
    public string? Cursor { get; set; }

    public string? NextCursor { get; private set; }

    public RoleResource Role { get; private set; } = null!;

    public IReadOnlyList<RoleMember> Members { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError(nameof(Email), "No user of this tenant has this email address.");
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        var outcome = await roles.AssignAsync(user.Id, new RoleAssignmentInput { Role = Name }, cancellationToken);
        if (outcome.IsMissing)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), outcome.Conflict ?? string.Join(" ", outcome.Errors!.Values.SelectMany(m => m)));
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = $"{user.Email} now has the role {Name}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnassignAsync(Guid userId, CancellationToken cancellationToken)
    {
        var outcome = await roles.UnassignAsync(userId, Name, cancellationToken);
        StatusMessage = outcome.Succeeded ? "The role was taken away." : "That user or role no longer exists.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        var outcome = await roles.RenameAsync(Name, new RoleInput { Name = NewName?.Trim() }, cancellationToken);
        if (outcome.IsMissing)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(nameof(NewName), outcome.Conflict ?? string.Join(" ", outcome.Errors!.Values.SelectMany(m => m)));
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = $"The role was renamed to {outcome.Value!.Name}.";
        return Redirect(TenantPath("roles/" + Uri.EscapeDataString(outcome.Value.Name)));
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            Error = "Tick the box to confirm the deletion.";
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        var outcome = await roles.DeleteAsync(Name, cancellationToken);
        if (outcome.IsMissing)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            Error = outcome.Conflict;
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        StatusMessage = $"The role {Name} was deleted.";
        return Redirect(TenantPath("roles"));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await roles.GetAsync(Name, cancellationToken) is not { } role)
        {
            return false;
        }

        Role = role;
        var page = await roles.MembersAsync(Name, global::CiamServer.Admin.Clients.PageRequest.DefaultLimit, Cursor, cancellationToken);
        if (!page.Succeeded)
        {
            Cursor = null;
            page = await roles.MembersAsync(Name, global::CiamServer.Admin.Clients.PageRequest.DefaultLimit, null, cancellationToken);
        }

        Members = page.Value?.Items ?? [];
        NextCursor = page.Value?.NextCursor;
        return true;
    }
}
