namespace CiamServer.Risk;

/// <summary>One earlier successful sign-in of the user, as stored with its attempt.</summary>
public sealed record PastSignIn(
    DateTimeOffset At, string? DeviceHash, string? Country, double? Latitude, double? Longitude, string? IpAddress);
