using System.ComponentModel.DataAnnotations;

namespace CiamServer.Samples.Api;

/// <summary>Which issuer and audience this API trusts (section <c>Sample</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Sample";

    /// <summary>The tenant's issuer, e.g. https://id.example.com/t/demo.</summary>
    [Required]
    public Uri? Authority { get; set; }

    /// <summary>The audience the server puts in tokens for this API's scope (demo.api gives demo-api).</summary>
    [Required]
    public string Audience { get; set; } = "demo-api";

    /// <summary>The Redis CiamServer publishes revocations to. Set: tokens are validated with
    /// CiamServer.TokenValidation (AddCiamJwtBearer), so revoked sessions and tokens are refused. Unset (the
    /// embedded development server has no Redis): plain JwtBearer validation.</summary>
    public string? Redis { get; set; }

    /// <summary>The scope a token must carry to call GET /me.</summary>
    [Required]
    public string RequiredScope { get; set; } = "demo.api";
}
