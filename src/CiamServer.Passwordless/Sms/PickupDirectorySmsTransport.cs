using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace CiamServer.Passwordless.Sms;

/// <summary>Development sender: writes each message to <see cref="SmsOptions.PickupDirectory"/> as
/// <c>{utc-ticks}-{sequence}-{guid}.txt</c> (names sort by time): a line <c>To: +E164</c>, an empty line, then the body
/// exactly as it would have been sent. Tests read these files to get the codes.</summary>
internal sealed class PickupDirectorySmsTransport(IOptions<SmsOptions> options, TimeProvider clock) : ISmsTransport
{
    private long _sequence;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory!);
        Directory.CreateDirectory(directory);
        // Fixed-width ticks so the names sort by time as text, then a sequence number for messages of the same
        // tick (or of a test's frozen clock), in the order they were sent.
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{clock.GetUtcNow().UtcTicks:D19}-{Interlocked.Increment(ref _sequence):D10}-{Guid.NewGuid():N}");
        var content = $"To: {message.To}\n\n{message.Body}";
        // Written under another extension and moved, so a reader of *.txt never sees half a message.
        var temporary = Path.Combine(directory, name + ".tmp");
        await File.WriteAllTextAsync(temporary, content, Utf8, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name + ".txt"));
    }
}
