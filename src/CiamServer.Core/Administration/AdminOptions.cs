namespace CiamServer.Core.Administration;

/// <summary>The built-in admin tenant and its console (section <c>Ciam:Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Ciam:Admin";

    /// <summary>The slug of the tenant that holds the administrators; its issuer signs them in to the console.</summary>
    public string TenantSlug { get; set; } = "admin";

    /// <summary>Admins must pass a second factor (the console checks the ID token's amr for "mfa", and the admin
    /// tenant asks every admin to enrol one). Turn off only for tests or a throwaway development server.</summary>
    public bool RequireMfa { get; set; } = true;

    /// <summary>How long a console sign-in lasts without activity; a new sign-in is asked after it.</summary>
    public TimeSpan ConsoleIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The first super-admin, created at start-up when the admin tenant has no super-admin yet
    /// (Keycloak's bootstrap admin). Give the password through a secret store or the environment, never in a file.</summary>
    public AdminBootstrapOptions Bootstrap { get; set; } = new();
}

public sealed class AdminBootstrapOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
