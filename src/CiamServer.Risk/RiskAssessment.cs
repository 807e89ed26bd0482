namespace CiamServer.Risk;

/// <summary>The engine's answer for one attempt.</summary>
/// <param name="Score">0-100: the sum of the reasons' points, capped at 100.</param>
/// <param name="Decision">The score against the tenant's thresholds (<see cref="RiskPolicyDecider"/>).</param>
/// <param name="Reasons">The signals that fired, in the order the signals are registered.</param>
/// <param name="Inputs">What the signals saw; store it (<see cref="RiskJson"/>) to show or replay the assessment.</param>
public sealed record RiskAssessment(int Score, RiskDecision Decision, IReadOnlyList<RiskReason> Reasons, RiskInputs Inputs);
