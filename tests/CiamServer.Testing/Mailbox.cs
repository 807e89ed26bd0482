using System.Text.RegularExpressions;
using MimeKit;

namespace CiamServer.Testing;

/// <summary>Reads what the server "sent": the .eml files of its pickup folder.</summary>
public sealed partial class Mailbox(string folder)
{
    public IReadOnlyList<MimeMessage> All()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path)).ToList();
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b?.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The newest message to the address whose subject contains the text; waits briefly for it.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subjectContains, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = To(address).LastOrDefault(m => (m.Subject ?? string.Empty).Contains(subjectContains, StringComparison.OrdinalIgnoreCase));
            if (message is not null)
            {
                return message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No message to {address} about '{subjectContains}' arrived.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The first https link in the plain-text body.</summary>
    public static Uri FirstLink(MimeMessage message) =>
        new(Link().Match(message.TextBody ?? string.Empty) is { Success: true } match
            ? match.Value
            : throw new InvalidOperationException("The message has no link."));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
