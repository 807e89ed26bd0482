using System.Diagnostics.CodeAnalysis;

namespace CiamServer.Import;

/// <summary>The rules of an API scope, from an import file or the admin API.</summary>
public static class ApiScopeRules
{
    public const int MaxNameLength = 200;

    /// <summary>A scope name: no spaces (scopes are space-separated in requests), quotes or backslashes.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(c => char.IsWhiteSpace(c) || c == '"' || c == '\\')
            ? "is required: a scope name without spaces, quotes or backslashes."
            : null;

    public static bool IsStandard(string name) => ClientRules.StandardScopes.Contains(name);

    public static string? AudiencesProblem(IReadOnlyCollection<string?>? audiences) =>
        audiences is not { Count: > 0 } || audiences.Any(string.IsNullOrWhiteSpace)
            ? "must list at least one audience (the API the scope is for)."
            : null;
}

/// <summary>The rule of a role name, from an import file or the admin API: no commas, because the tenant's MFA
/// policy lists roles comma-separated.</summary>
public static class RoleRules
{
    public const int MaxNameLength = 100;

    public const string Problem = "must be a non-empty name (at most 100 characters, no commas)";

    public static bool IsValidName([NotNullWhen(true)] string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Contains(',', StringComparison.Ordinal);
}
