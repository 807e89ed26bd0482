using System.ComponentModel.DataAnnotations;

namespace CiamServer.Samples.WebApp;

/// <summary>Where the identity server and the API are, and who this app is to the server (section <c>Sample</c>).</summary>
public sealed class SampleOptions
{
    public const string Section = "Sample";

    /// <summary>The tenant's issuer, e.g. https://id.example.com/t/demo.</summary>
    [Required]
    public Uri? Authority { get; set; }

    [Required]
    public string ClientId { get; set; } = string.Empty;

    [Required]
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Base address of the sample API (its GET /me is called with the access token).</summary>
    [Required]
    public Uri? ApiBaseUrl { get; set; }
}
