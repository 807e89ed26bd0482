using Microsoft.Extensions.Options;

namespace CiamServer.Core.Email;

/// <summary>Development sender: writes each message as an .eml file, so no mail server is needed.</summary>
internal sealed class PickupDirectoryEmailTransport(IOptions<EmailOptions> options, TimeProvider clock) : IEmailTransport
{
    // Orders messages written in the same millisecond (or under a test's frozen clock) as they were sent.
    private long _sequence;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory!);
        Directory.CreateDirectory(directory);
        var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Interlocked.Increment(ref _sequence):D10}-{Guid.NewGuid():N}.eml";
        var mime = MimeMessages.Create(options.Value, message);
        // Written under a temporary name and moved, so a reader never sees half a message.
        var temporary = Path.Combine(directory, name + ".tmp");
        await mime.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name));
    }
}
