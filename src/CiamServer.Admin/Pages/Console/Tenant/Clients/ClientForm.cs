using CiamServer.Admin.Clients;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CiamServer.Admin.Pages.Console.Tenant.Clients;

/// <summary>The client form of the console: URIs one per line, grant types and scopes as checkboxes.</summary>
public sealed class ClientForm
{
    public string? ClientId { get; set; }

    public string Type { get; set; } = "confidential";

    public string? DisplayName { get; set; }

    public string? RedirectUris { get; set; }

    public string? PostLogoutRedirectUris { get; set; }

    public string? BackchannelLogoutUri { get; set; }

    public List<string> GrantTypes { get; set; } = [];

    public List<string> Scopes { get; set; } = [];

    public bool ConsentRequired { get; set; }

    public int? AccessTokenSeconds { get; set; }

    public int? IdentityTokenSeconds { get; set; }

    public int? RefreshTokenSeconds { get; set; }

    public static ClientForm NewDefaults() => new() { GrantTypes = ["authorization_code", "refresh_token"], Scopes = ["openid", "profile", "email"] };

    public static ClientForm From(ClientResource client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new()
        {
            ClientId = client.ClientId,
            Type = client.Type,
            DisplayName = client.DisplayName,
            RedirectUris = string.Join('\n', client.RedirectUris),
            PostLogoutRedirectUris = string.Join('\n', client.PostLogoutRedirectUris),
            BackchannelLogoutUri = client.BackchannelLogoutUri,
            GrantTypes = [.. client.GrantTypes],
            Scopes = [.. client.Scopes],
            ConsentRequired = client.ConsentRequired,
            AccessTokenSeconds = client.TokenLifetimes.AccessTokenSeconds,
            IdentityTokenSeconds = client.TokenLifetimes.IdentityTokenSeconds,
            RefreshTokenSeconds = client.TokenLifetimes.RefreshTokenSeconds,
        };
    }

    public ClientCreateInput ToCreateInput()
    {
        var input = new ClientCreateInput { ClientId = ClientId?.Trim(), Type = Type };
        Fill(input);
        return input;
    }

    public ClientSettingsInput ToSettingsInput()
    {
        var input = new ClientSettingsInput();
        Fill(input);
        return input;
    }

    private void Fill(ClientSettingsInput input)
    {
        input.DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim();
        input.RedirectUris = Lines(RedirectUris);
        input.PostLogoutRedirectUris = Lines(PostLogoutRedirectUris);
        input.BackchannelLogoutUri = string.IsNullOrWhiteSpace(BackchannelLogoutUri) ? null : BackchannelLogoutUri.Trim();
        input.GrantTypes = [.. GrantTypes];
        input.Scopes = [.. Scopes];
        input.ConsentRequired = ConsentRequired;
        input.TokenLifetimes = new TokenLifetimes(AccessTokenSeconds, IdentityTokenSeconds, RefreshTokenSeconds);
    }

    private static List<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The service's field errors (<c>redirectUris[1]</c>, <c>tokenLifetimes.accessTokenSeconds</c>) on the
    /// form's fields (<c>Form.RedirectUris</c>), an item's line named in the message.</summary>
    public static void AddErrors(ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, messages) in errors)
        {
            var name = field.StartsWith("tokenLifetimes.", StringComparison.Ordinal) ? field["tokenLifetimes.".Length..] : field;
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            var line = bracket > 0 && int.TryParse(name[(bracket + 1)..name.IndexOf(']', StringComparison.Ordinal)], out var index) ? $"Line {index + 1}: " : string.Empty;
            var property = bracket > 0 ? name[..bracket] : name;
            var key = "Form." + char.ToUpperInvariant(property[0]) + property[1..];
            foreach (var message in messages)
            {
                modelState.AddModelError(key, line + message);
            }
        }
    }
}
