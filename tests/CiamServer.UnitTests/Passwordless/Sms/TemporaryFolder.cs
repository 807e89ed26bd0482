namespace CiamServer.UnitTests.Passwordless.Sms;

/// <summary>A fresh folder under the system temp folder, deleted with its files when the test ends.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ciam-sms-" + Guid.NewGuid().ToString("N"));

    public string[] TextFiles() =>
        Directory.Exists(Path) ? [.. Directory.GetFiles(Path, "*.txt").Order(StringComparer.Ordinal)] : [];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
