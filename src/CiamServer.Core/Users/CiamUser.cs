using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace CiamServer.Core.Users;

/// <summary>A customer account. User names and emails are unique per tenant, not globally.</summary>
public sealed class CiamUser : IdentityUser<Guid>, ITenantOwned
{
    public CiamUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Guid TenantId { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Set by an administrator: the next password sign-in must choose a new password before it goes on;
    /// any successful password reset clears it.</summary>
    public bool PasswordChangeRequired { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;

    public string? DisplayName =>
        string.Join(' ', new[] { GivenName, FamilyName }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } name
            ? name
            : null;
}
