using System.Net.Mail;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Tenancy.Branding;
using CiamServer.Import.Model;

namespace CiamServer.Import;

/// <summary>Checks import documents before anything is written, and says where each problem is.</summary>
internal static class ImportValidator
{
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

    /// <summary>The colours and CSS added with the admin console follow the same rules as there (<see cref="BrandingRules"/>).</summary>
    private static void ValidateBranding(BrandingImport branding, string path, Action<string, string> problem)
    {
        foreach (var (field, value) in new[] { ("accentColor", branding.AccentColor), ("backgroundColor", branding.BackgroundColor), ("textColor", branding.TextColor) })
        {
            foreach (var message in BrandingRules.ColorProblems(value, required: false))
            {
                problem($"{path}.{field}", message);
            }
        }

        foreach (var message in BrandingRules.CustomCssProblems(branding.CustomCss))
        {
            problem(path + ".customCss", message);
        }
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

        if (tenant.Branding is { } branding)
        {
            ValidateBranding(branding, path + ".branding", problem);
        }

        // The policy rules are shared with the admin API and console (TenantPolicyRules).
        Report(path + ".passwordPolicy", TenantPolicyRules.Password(tenant.PasswordPolicy?.MinLength), problem);
        Report(path + ".sessionPolicy", TenantPolicyRules.Session(tenant.SessionPolicy?.IdleTimeoutMinutes, tenant.SessionPolicy?.AbsoluteLifetimeMinutes), problem);
        Report(path + ".mfa", TenantPolicyRules.Mfa(tenant.Mfa?.Mode, tenant.Mfa?.RequiredForRoles, tenant.Mfa?.RememberDeviceDays), problem);
        var risk = new TenantRiskPolicy();
        Report(path + ".risk", TenantPolicyRules.Risk(tenant.Risk?.StepUpAt ?? risk.StepUpAt, tenant.Risk?.DenyAt ?? risk.DenyAt), problem);
        // What the tenant will have: an omitted field keeps its default.
        var signIn = new TenantSignInPolicy();
        Report(path + ".signIn", TenantPolicyRules.SignIn(
            tenant.SignIn?.Password ?? signIn.Password,
            tenant.SignIn?.EmailLink ?? signIn.EmailLink,
            tenant.SignIn?.EmailCode ?? signIn.EmailCode,
            tenant.SignIn?.SmsCode ?? signIn.SmsCode,
            tenant.SignIn?.Passkey ?? signIn.Passkey), problem);
    }

    private static void Report(string path, IEnumerable<PolicyProblem> problems, Action<string, string> problem)
    {
        foreach (var (field, message) in problems)
        {
            problem(field.Length == 0 ? path : path + "." + field, message);
        }
    }

    private static HashSet<string> ValidateApiScopes(TenantImport tenant, string path, Action<string, string> problem)
    {
        var names = new HashSet<string>(ClientRules.StandardScopes, StringComparer.Ordinal);
        for (var i = 0; i < (tenant.ApiScopes?.Count ?? 0); i++)
        {
            var scope = tenant.ApiScopes![i];
            var at = $"{path}.apiScopes[{i}]";
            if (scope is null)
            {
                problem(at, NotNull);
                continue;
            }

            if (ApiScopeRules.NameProblem(scope.Name) is { } nameProblem)
            {
                problem(at + ".name", nameProblem);
            }
            else if (!names.Add(scope.Name!))
            {
                problem(at + ".name", $"'{scope.Name}' is a standard scope or is defined twice.");
            }

            if (ApiScopeRules.AudiencesProblem(scope.Audiences) is { } audiencesProblem)
            {
                problem(at + ".audiences", audiencesProblem);
            }
        }

        return names;
    }

    private static void ValidateRoles(TenantImport tenant, string path, Action<string, string> problem)
    {
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (tenant.Roles?.Count ?? 0); i++)
        {
            if (!RoleRules.IsValidName(tenant.Roles![i]) || !roles.Add(tenant.Roles[i]))
            {
                problem($"{path}.roles[{i}]", RoleRules.Problem + ", listed once.");
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

            ClientRules.Check(client, scopeNames, (relative, message) => problem($"{at}.{relative}", message));
            if (ClientRules.ClientIdProblem(client.ClientId) is null && !ids.Add(client.ClientId!))
            {
                problem(at + ".clientId", "is required (at most 100 characters) and must be unique in the tenant.");
            }

            if (client.Type == "public" && client.Secret is not null)
            {
                problem(at + ".secret", "a public client has no secret.");
            }
            else if (client.Type == "confidential" && (client.Secret is null || client.Secret.Length < 16))
            {
                problem(at + ".secret", "a confidential client needs a secret of at least 16 characters.");
            }
        }
    }

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
