using System.Net;

namespace CiamServer.Risk;

/// <summary>One sign-in attempt as the engine sees it.</summary>
/// <param name="UserId">The account the name matched, or null when it matched none (no history is read).</param>
/// <param name="AccountName">The normalised email address (upper-case) or E.164 phone number typed in.</param>
/// <param name="Address">The client's IP address (after forwarded headers), when known.</param>
/// <param name="UserAgent">The browser's User-Agent header, when sent.</param>
/// <param name="DeviceHash">SHA-256 hex of the browser's device cookie; null when the browser has none.</param>
/// <param name="At">When the attempt happened (from the caller's <see cref="TimeProvider"/>).</param>
public sealed record SignInContext(
    Guid? UserId, string AccountName, IPAddress? Address, string? UserAgent, string? DeviceHash, DateTimeOffset At);
