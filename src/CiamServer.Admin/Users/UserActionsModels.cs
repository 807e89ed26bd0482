using CiamServer.Core.Users;

namespace CiamServer.Admin.Users;

/// <summary>A new account as an administrator enters it. An email address or a phone number (or both) is required;
/// without a password the user signs in another way or sets one through an invitation.</summary>
public sealed record NewUser(
    string? Email,
    string? Phone,
    string? GivenName,
    string? FamilyName,
    string? Password,
    bool EmailVerified = false,
    IReadOnlyList<string>? Roles = null);

/// <summary>An account as the user actions return and audit it: never a hash, stamp or factor secret.</summary>
public sealed record ManagedUser(
    Guid Id,
    string? Email,
    bool EmailVerified,
    string? Phone,
    string? GivenName,
    string? FamilyName,
    bool Disabled,
    bool HasPassword,
    bool PasswordChangeRequired,
    DateTimeOffset? LockoutEnd,
    IReadOnlyList<string> Roles,
    DateTime CreatedAt)
{
    public static ManagedUser From(CiamUser user, IReadOnlyList<string> roles) =>
        new(user.Id, user.Email, user.EmailConfirmed, user.PhoneNumber, user.GivenName, user.FamilyName, user.Disabled,
            user.PasswordHash is not null, user.PasswordChangeRequired, user.LockoutEnd, roles, user.CreatedAt);
}

/// <summary>How a user action ended, for the API (status codes) and the console (messages) alike.</summary>
public enum UserActionStatus
{
    Done,
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>The outcome of an action: done (with the user where there is one), not found, a conflict with the
/// account's state (<see cref="Message"/>), or invalid input (<see cref="Errors"/>, field -> messages).</summary>
public sealed record UserActionResult(UserActionStatus Status, ManagedUser? User = null, string? Message = null,
    IDictionary<string, string[]>? Errors = null)
{
    public static readonly UserActionResult NotFound = new(UserActionStatus.NotFound);

    public static UserActionResult Done(ManagedUser? user = null) => new(UserActionStatus.Done, user);

    public static UserActionResult Conflict(string message) => new(UserActionStatus.Conflict, Message: message);

    public static UserActionResult Invalid(IDictionary<string, string[]> errors) => new(UserActionStatus.Invalid, Errors: errors);
}
