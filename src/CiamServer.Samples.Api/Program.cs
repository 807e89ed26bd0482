namespace CiamServer.Samples.Api;

// Not top-level statements: those make a public global Program, which would clash with the server's
// in the test projects that host both.
internal static class Program
{
    /// <summary>Validates access tokens of the development tenant "demo" (identity server on http://localhost:5000).</summary>
    public static async Task Main(string[] args) => await SampleApi.Build(args).RunAsync();
}
