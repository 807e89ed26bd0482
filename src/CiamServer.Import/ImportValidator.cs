using System.Net.Mail;
using CiamServer.Core.Tenancy;
using CiamServer.Import.Model;

namespace CiamServer.Import;

/// <summary>Checks import documents before anything is written, and says where each problem is.</summary>
internal static class ImportValidator
{
    public static readonly string[] GrantTypes = ["authorization_code", "refresh_token", "client_credentials"];
    private static readonly string[] StandardScopes = ["openid", "profile", "email", "phone", "offline_access", "roles"];
    private const string NotNull = "must not be null.";

    public static List<ImportProblem> Validate(IReadOnlyList<(string File, ImportDocument Document)> documents)
    {
        var problems = new List<ImportProblem>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, document) in documents)
        {
            void Problem(string path, string message) => problems.Add(new ImportProblem(file, path, message));
            if (document.Tenants is not { Count: > 0 })
            {
                Problem("$.tenants", "is required and must list at least one tenant.");
                continue;
            }

            for (var t = 0; t < document.Tenants.Count; t++)
            {
                var tenant = document.Tenants[t];
                var path = $"$.tenants[{t}]";
                if (tenant is null)
                {
                    Problem(path, NotNull);
                    continue;
                }

                if (!TenantSlug.IsValid(tenant.Slug))
                {
                    Problem(path + ".slug", "must be 1 to 63 lower-case letters, digits or dashes, not starting or ending with a dash.");
                }
                else if (!slugs.Add(tenant.Slug!))
                {
                    Problem(path + ".slug", $"'{tenant.Slug}' is imported more than once.");
                }

                if (string.IsNullOrWhiteSpace(tenant.DisplayName) || tenant.DisplayName.Length > 200)
                {
                    Problem(path + ".displayName", "is required (at most 200 characters).");
                }

                ValidatePolicies(tenant, path, Problem);
                var scopeNames = ValidateApiScopes(tenant, path, Problem);
                ValidateRoles(tenant, path, Problem);
                ValidateClients(tenant, path, scopeNames, Problem);
                ValidateUsers(tenant, path, Problem);
            }
        }

        return problems;
    }

    private static void ValidatePolicies(TenantImport tenant, string path, Action<string, string> problem)
    {
        if (tenant.Branding?.PrimaryColor is { } color && !System.Text.RegularExpressions.Regex.IsMatch(color, @"^#(?:[0-9a-fA-F]{3}){1,2}\z"))
        {
            problem(path + ".branding.primaryColor", "must be a hex colour such as #2f5bd3.");
        }

        if (tenant.Branding?.LogoUrl is { } logo && (!Uri.TryCreate(logo, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            problem(path + ".branding.logoUrl", "must be an absolute https URL.");
        }

        if (tenant.PasswordPolicy?.MinLength is { } min && (min < TenantPasswordPolicy.AbsoluteMinimumLength || min > 64))
        {
            problem(path + ".passwordPolicy.minLength", $"must be between {TenantPasswordPolicy.AbsoluteMinimumLength} and 64.");
        }

        if (tenant.SessionPolicy?.IdleTimeoutMinutes is < 1 or > 60 * 24 * 30)
        {
            problem(path + ".sessionPolicy.idleTimeoutMinutes", "must be between 1 and 43200.");
        }

        if (tenant.SessionPolicy?.AbsoluteLifetimeMinutes is < 1 or > 60 * 24 * 365)
        {
            problem(path + ".sessionPolicy.absoluteLifetimeMinutes", "must be between 1 and 525600.");
        }

        if (tenant.Mfa?.Mode is { } mode && (!Enum.TryParse<MfaMode>(mode, ignoreCase: true, out _) || int.TryParse(mode, out _)))
        {
            problem(path + ".mfa.mode", "must be off, optional, required or adaptive.");
        }

        if (tenant.Mfa?.RememberDeviceDays is < 0 or > 365)
        {
            problem(path + ".mfa.rememberDeviceDays", "must be between 0 (off) and 365.");
        }

        if (tenant.Mfa?.RequiredForRoles?.Any(r => string.IsNullOrWhiteSpace(r) || r.Contains(',', StringComparison.Ordinal) || r.Length > 100) == true)
        {
            problem(path + ".mfa.requiredForRoles", "must list role names (no commas, at most 100 characters).");
        }

        var stepUpAt = tenant.Risk?.StepUpAt ?? new TenantRiskPolicy().StepUpAt;
        var denyAt = tenant.Risk?.DenyAt ?? new TenantRiskPolicy().DenyAt;
        if (stepUpAt is < 1 or > 101 || denyAt is < 1 or > 101 || stepUpAt > denyAt)
        {
            problem(path + ".risk", "stepUpAt and denyAt must be between 1 and 101 (101: never), stepUpAt not above denyAt.");
        }

        if (tenant.SignIn is { Password: false, EmailLink: false, EmailCode: false, SmsCode: false, Passkey: false })
        {
            problem(path + ".signIn", "must leave at least one way to sign in.");
        }
        else if (tenant.SignIn is { Password: false, EmailLink: false, EmailCode: false, Passkey: true, SmsCode: not true })
        {
            // New accounts prove their email with a code before they add a passkey.
            problem(path + ".signIn", "passkeys need emailCode or emailLink (sign-up proves the address by email first), or password.");
        }
    }

    private static HashSet<string> ValidateApiScopes(TenantImport tenant, string path, Action<string, string> problem)
    {
        var names = new HashSet<string>(StandardScopes, StringComparer.Ordinal);
        for (var i = 0; i < (tenant.ApiScopes?.Count ?? 0); i++)
        {
            var scope = tenant.ApiScopes![i];
            var at = $"{path}.apiScopes[{i}]";
            if (scope is null)
            {
                problem(at, NotNull);
                continue;
            }

            if (string.IsNullOrWhiteSpace(scope.Name) || scope.Name.Length > 200 || scope.Name.Any(c => char.IsWhiteSpace(c) || c == '"' || c == '\\'))
            {
                problem(at + ".name", "is required: a scope name without spaces, quotes or backslashes.");
            }
            else if (!names.Add(scope.Name))
            {
                problem(at + ".name", $"'{scope.Name}' is a standard scope or is defined twice.");
            }

            if (scope.Audiences is not { Count: > 0 } || scope.Audiences.Any(string.IsNullOrWhiteSpace))
            {
                problem(at + ".audiences", "must list at least one audience (the API the scope is for).");
            }
        }

        return names;
    }

    private static void ValidateRoles(TenantImport tenant, string path, Action<string, string> problem)
    {
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (tenant.Roles?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(tenant.Roles![i]) || tenant.Roles[i].Length > 100 || !roles.Add(tenant.Roles[i]))
            {
                problem($"{path}.roles[{i}]", "must be a non-empty name (at most 100 characters), listed once.");
            }
        }
    }

    private static void ValidateClients(TenantImport tenant, string path, HashSet<string> scopeNames, Action<string, string> problem)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (tenant.Clients?.Count ?? 0); i++)
        {
            var client = tenant.Clients![i];
            var at = $"{path}.clients[{i}]";
            if (client is null)
            {
                problem(at, NotNull);
                continue;
            }

            if (string.IsNullOrWhiteSpace(client.ClientId) || client.ClientId.Length > 100 || !ids.Add(client.ClientId))
            {
                problem(at + ".clientId", "is required (at most 100 characters) and must be unique in the tenant.");
            }

            var isPublic = client.Type == "public";
            if (client.Type is not ("public" or "confidential"))
            {
                problem(at + ".type", "must be 'public' or 'confidential'.");
            }
            else if (isPublic && client.Secret is not null)
            {
                problem(at + ".secret", "a public client has no secret.");
            }
            else if (!isPublic && (client.Secret is null || client.Secret.Length < 16))
            {
                problem(at + ".secret", "a confidential client needs a secret of at least 16 characters.");
            }

            var grants = client.GrantTypes ?? [];
            if (grants.Count == 0 || grants.Any(g => !GrantTypes.Contains(g)))
            {
                problem(at + ".grantTypes", "must list one or more of authorization_code, refresh_token, client_credentials (no implicit or password grant).");
            }

            if (isPublic && grants.Contains("client_credentials"))
            {
                problem(at + ".grantTypes", "client_credentials needs a confidential client.");
            }

            if (grants.Contains("authorization_code") && client.RedirectUris is not { Count: > 0 })
            {
                problem(at + ".redirectUris", "the authorization_code grant needs at least one redirect URI.");
            }

            ValidateUris(client.RedirectUris, at + ".redirectUris", problem);
            ValidateUris(client.PostLogoutRedirectUris, at + ".postLogoutRedirectUris", problem);
            if (client.BackchannelLogoutUri is not null && BackchannelUriProblem(client.BackchannelLogoutUri) is { } backchannel)
            {
                problem(at + ".backchannelLogoutUri", backchannel);
            }
            for (var s = 0; s < (client.Scopes?.Count ?? 0); s++)
            {
                if (client.Scopes![s] is null)
                {
                    problem($"{at}.scopes[{s}]", NotNull);
                }
                else if (!scopeNames.Contains(client.Scopes[s]))
                {
                    problem($"{at}.scopes[{s}]", $"'{client.Scopes[s]}' is neither a standard scope nor one of the tenant's apiScopes.");
                }
            }
        }
    }

    private static void ValidateUris(List<string>? uris, string path, Action<string, string> problem)
    {
        for (var i = 0; i < (uris?.Count ?? 0); i++)
        {
            if (RedirectUriRules.Check(uris![i]) is { } error)
            {
                problem($"{path}[{i}]", error);
            }
        }
    }

    /// <summary>The server calls this URI itself: https, or http on loopback, and no custom schemes.</summary>
    private static string? BackchannelUriProblem(string uri) =>
        RedirectUriRules.Check(uri) ?? (uri.StartsWith("https://", StringComparison.Ordinal) || uri.StartsWith("http://", StringComparison.Ordinal)
            ? null
            : "must use https (or http on a loopback address).");

    private static void ValidateUsers(TenantImport tenant, string path, Action<string, string> problem)
    {
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var roles = new HashSet<string>((tenant.Roles ?? []).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (tenant.Users?.Count ?? 0); i++)
        {
            var user = tenant.Users![i];
            var at = $"{path}.users[{i}]";
            if (user is null)
            {
                problem(at, NotNull);
                continue;
            }

            if (string.IsNullOrWhiteSpace(user.Email) || user.Email.Length > 256 || !MailAddress.TryCreate(user.Email, out _) || !emails.Add(user.Email))
            {
                problem(at + ".email", "is required: a valid email address, listed once in the tenant.");
            }

            if (user.PasswordHash is not null && user.Password is not null)
            {
                problem(at + ".passwordHash", "give a password or a password hash, not both.");
            }
            else if (user.PasswordHash is not null && !IdentityPasswordHash.IsValid(user.PasswordHash))
            {
                problem(at + ".passwordHash", "must be an ASP.NET Core Identity version 3 password hash (base64, as an export writes it).");
            }

            if (user.GivenName is { Length: > 100 })
            {
                problem(at + ".givenName", "must be at most 100 characters.");
            }

            if (user.FamilyName is { Length: > 100 })
            {
                problem(at + ".familyName", "must be at most 100 characters.");
            }

            for (var r = 0; r < (user.Roles?.Count ?? 0); r++)
            {
                if (user.Roles![r] is null)
                {
                    problem($"{at}.roles[{r}]", NotNull);
                }
                else if (!roles.Contains(user.Roles[r]))
                {
                    problem($"{at}.roles[{r}]", $"'{user.Roles[r]}' is not one of the tenant's roles.");
                }
            }
        }
    }
}
