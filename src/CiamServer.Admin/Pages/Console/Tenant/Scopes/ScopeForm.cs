using CiamServer.Admin.ApiScopes;

namespace CiamServer.Admin.Pages.Console.Tenant.Scopes;

/// <summary>The API scope form: audiences one per line (or separated by spaces).</summary>
public sealed class ScopeForm
{
    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? Audiences { get; set; }

    public static ScopeForm From(ScopeResource scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new() { Name = scope.Name, DisplayName = scope.DisplayName, Description = scope.Description, Audiences = string.Join('\n', scope.Audiences) };
    }

    public ScopeCreateInput ToCreateInput() => new() { Name = Name?.Trim(), DisplayName = DisplayName, Description = Description, Audiences = AudienceList() };

    public ScopeSettingsInput ToSettingsInput() => new() { DisplayName = DisplayName, Description = Description, Audiences = AudienceList() };

    private List<string> AudienceList() => (Audiences ?? string.Empty).Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
}
