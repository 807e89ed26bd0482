namespace CiamServer.Admin.Users;

/// <summary>Which search column found a row; a name search's order of preference when one user matches in several.</summary>
internal enum UserHitBranch
{
    None = 0,
    Name = 1,
    FamilyName = 2,
    Email = 3,
    Phone = 4,
}

/// <summary>A user as a search reads it, with the sort key that placed it (the cursor's key) and the user's other
/// search keys (to list a user found by several columns once).</summary>
internal sealed class UserHit
{
    public string? Key { get; init; }

    public UserHitBranch Branch { get; init; }

    public Guid Id { get; init; }

    public string? Email { get; init; }

    public bool EmailConfirmed { get; init; }

    public string? PhoneNumber { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public bool Disabled { get; init; }

    public DateTimeOffset? LockoutEnd { get; init; }

    public DateTime CreatedAt { get; init; }

    public string? NameKey { get; init; }

    public string? FamilyNameKey { get; init; }

    public string? EmailKey { get; init; }

    /// <summary>For a name search by <paramref name="prefix"/>: whether this row is the one that lists the user, that
    /// is the one whose key sorts first among the user's keys that match (ties: name, family name, email). A user's
    /// other rows are dropped, so pages never repeat anyone, and since the cursor is the last row read, not listed,
    /// nobody is skipped either. Other searches find a user once.</summary>
    public bool IsWhereListed(string prefix)
    {
        if (Branch is not (UserHitBranch.Name or UserHitBranch.FamilyName or UserHitBranch.Email))
        {
            return true;
        }

        var first = UserHitBranch.None;
        string? firstKey = null;
        foreach (var (branch, key) in new[] { (UserHitBranch.Name, NameKey), (UserHitBranch.FamilyName, FamilyNameKey), (UserHitBranch.Email, EmailKey) })
        {
            if (key is not null && key.StartsWith(prefix, StringComparison.Ordinal) && (firstKey is null || string.CompareOrdinal(key, firstKey) < 0))
            {
                (first, firstKey) = (branch, key);
            }
        }

        // The row's own branch matched in the database; should this side disagree, list it rather than lose it.
        return first == Branch || first == UserHitBranch.None;
    }
}
