namespace CiamServer.Samples.WebApp;

// Not top-level statements: those make a public global Program, which would clash with the server's
// in the test projects that host both.
internal static class Program
{
    /// <summary>Run the identity server (http://localhost:5000) and the sample API (http://localhost:5200)
    /// too; the development tenant "demo" registers this app as demo-web.</summary>
    public static async Task Main(string[] args) => await SampleWebApp.Build(args).RunAsync();
}
