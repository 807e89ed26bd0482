using CiamServer.Protocol;

namespace CiamServer.Hosting;

/// <summary>Operator commands run instead of the server, e.g. <c>CiamServer keys rotate</c>.</summary>
internal static class CommandLine
{
    public static async Task<bool> TryRunCommandAsync(WebApplication app, string[] args)
    {
        var words = args.Where(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal)).ToArray();
        if (words is not ["keys", "rotate"])
        {
            return false;
        }

        await app.PrepareCiamAsync();
        var created = await app.Services.RotateKeysAsync(CancellationToken.None);
        Console.WriteLine($"New keys published: {string.Join(", ", created)}. They start signing after Ciam:Protocol:Keys:PublishAhead; the old keys stay published until their tokens expire.");
        return true;
    }
}
