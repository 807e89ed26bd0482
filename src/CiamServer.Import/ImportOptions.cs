namespace CiamServer.Import;

/// <summary><c>Ciam:Import</c>: a folder of JSON files imported at start-up (Keycloak's realm import).</summary>
public sealed class ImportOptions
{
    public const string Section = "Ciam:Import";

    /// <summary>The folder; every <c>*.json</c> file in it is imported, in name order. Unset: nothing is imported.</summary>
    public string? Path { get; set; }
}
