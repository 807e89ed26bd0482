using CiamServer.Admin.Sessions;
using CiamServer.Admin.SignIns;

namespace CiamServer.Admin.Users;

/// <summary>One row of the search results.</summary>
public sealed record UserSummary(Guid Id, string? Email, bool EmailVerified, string? Phone, string? Name, bool Disabled, bool LockedOut,
    DateTime CreatedAt);

/// <summary>A page of results; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record UserPage(IReadOnlyList<UserSummary> Items, string? NextCursor);

/// <summary>A search's page, or field errors (q, limit, cursor) when the request is not valid.</summary>
public sealed record UserSearchResult(UserPage? Page, Dictionary<string, string[]>? Errors);

/// <summary>Everything the admin sees about one user: no hashes, secrets or keys.</summary>
public sealed record UserDetails(UserProfile Profile, UserMethods Methods, IReadOnlyList<SessionResource> Sessions,
    IReadOnlyList<SignInResource> RiskEvents);

public sealed record UserProfile(Guid Id, string? UserName, string? Email, bool EmailVerified, string? Phone, bool PhoneVerified,
    string? GivenName, string? FamilyName, string? Name, DateTime CreatedAt, DateTime UpdatedAt, bool Disabled, bool LockoutEnabled,
    DateTimeOffset? LockoutEnd, bool LockedOut, int AccessFailedCount, IReadOnlyList<string> Roles);

/// <summary>How the user can sign in: whether a password is set (never the hash), passkeys, TOTP, recovery codes
/// left, and external identity providers.</summary>
public sealed record UserMethods(bool PasswordSet, IReadOnlyList<PasskeySummary> Passkeys, bool TotpEnrolled, int RecoveryCodesLeft,
    IReadOnlyList<ExternalLoginSummary> ExternalLogins);

public sealed record PasskeySummary(Guid Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt, bool BackupEligible, bool BackedUp);

public sealed record ExternalLoginSummary(string Provider, string? DisplayName, string ProviderKey);
