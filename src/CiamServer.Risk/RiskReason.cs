namespace CiamServer.Risk;

/// <summary>One signal that fired.</summary>
/// <param name="Signal">The signal's name, snake_case (<c>new_device</c>, <c>impossible_travel</c>...).</param>
/// <param name="Points">What it adds to the score, 0-100.</param>
/// <param name="Message">Plain words that can be shown to the person signing in.</param>
public sealed record RiskReason(string Signal, int Points, string Message);
