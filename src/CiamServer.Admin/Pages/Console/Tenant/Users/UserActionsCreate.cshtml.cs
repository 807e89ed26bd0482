using CiamServer.Admin.Console;
using CiamServer.Admin.Users;
using CiamServer.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Admin.Pages.Console.Tenant.Users;

/// <summary>Creates one user of the tenant (<see cref="UserActions.CreateAsync"/>), optionally inviting them, then
/// shows the user's page.</summary>
public sealed class UserActionsCreateModel(UserActions actions, CiamDbContext db) : TenantConsolePageModel
{
    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public IReadOnlyList<string> TenantRoles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadRolesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await actions.CreateAsync(new NewUser(Input.Email, Input.Phone, Input.GivenName, Input.FamilyName, Input.Password,
            Input.EmailVerified, Input.Roles), cancellationToken);
        if (result.Status != UserActionStatus.Done)
        {
            foreach (var (field, messages) in result.Errors ?? new Dictionary<string, string[]> { [string.Empty] = [result.Message ?? "The user was not created."] })
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field.Length == 0 || field == "user" ? string.Empty : $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
                }
            }

            await LoadRolesAsync(cancellationToken);
            return Page();
        }

        var user = result.User!;
        StatusMessage = "The user was created.";
        if (Input.Invite && user.Email is not null)
        {
            var invited = await actions.InviteAsync(user.Id, cancellationToken);
            StatusMessage += invited.Status == UserActionStatus.Done ? $" An invitation was sent to {user.Email}." : " " + invited.Message;
        }

        return Redirect(TenantPath($"users/{user.Id}"));
    }

    private async Task LoadRolesAsync(CancellationToken cancellationToken) =>
        TenantRoles = await db.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(cancellationToken);

    public sealed class CreateInput
    {
        public string? Email { get; set; }

        public bool EmailVerified { get; set; }

        public string? Phone { get; set; }

        public string? GivenName { get; set; }

        public string? FamilyName { get; set; }

        public string? Password { get; set; }

        public List<string> Roles { get; set; } = [];

        public bool Invite { get; set; }
    }
}
