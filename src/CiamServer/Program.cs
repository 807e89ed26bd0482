using CiamServer.Hosting;

// The host only composes modules; see docs/architecture.md.
var builder = WebApplication.CreateBuilder(args);
builder.AddCiamServer();

var app = builder.Build();
if (await CommandLine.TryRunCommandAsync(app, args))
{
    return;
}

await app.PrepareCiamAsync();
app.UseCiamServer();
await app.RunAsync();

/// <summary>Visible to the integration tests' host factory.</summary>
public partial class Program;
