using System.Text.RegularExpressions;

namespace CiamServer.Testing;

/// <summary>Reads what the server "texted": the files of its development SMS folder ("To: +E164", a blank
/// line, then the body).</summary>
public sealed partial class SmsBox(string folder)
{
    public IReadOnlyList<(string To, string Body)> All()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(Read).ToList();
    }

    public IReadOnlyList<string> To(string e164) => All().Where(m => m.To == e164).Select(m => m.Body).ToList();

    /// <summary>The body of the newest message to the number; waits briefly for it.</summary>
    public async Task<string> WaitForAsync(string e164, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var messages = To(e164);
            if (messages.Count >= count)
            {
                return messages[^1];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No text message to {e164} arrived.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The first 6-digit number in a message.</summary>
    public static string Code(string body) =>
        SixDigits().Match(body) is { Success: true } match ? match.Value : throw new InvalidOperationException("The message has no code: " + body);

    private static (string To, string Body) Read(string path)
    {
        var text = File.ReadAllText(path);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var header = split < 0 ? text : text[..split];
        var to = header.StartsWith("To: ", StringComparison.Ordinal) ? header[4..].Trim() : string.Empty;
        return (to, split < 0 ? string.Empty : text[(split + 2)..]);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
