namespace CiamServer.Core.Tenancy;

/// <summary>NIST SP 800-63B password rules: length and a breached-password check, no composition rules.</summary>
public sealed class TenantPasswordPolicy
{
    public const int AbsoluteMinimumLength = 8;

    /// <summary>The longest password any tenant must accept; longer ones are refused, never truncated.</summary>
    public const int MaximumLength = 256;

    public int MinLength { get; set; } = AbsoluteMinimumLength;
}
