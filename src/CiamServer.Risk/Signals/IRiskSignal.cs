namespace CiamServer.Risk.Signals;

/// <summary>One risk signal: a pure function of the precomputed inputs (and its options), so it can run on
/// a stored attempt as well as a live one. Registered as an enumerable singleton; the engine runs them all.</summary>
internal interface IRiskSignal
{
    /// <summary>A reason with 0-100 points when the signal fires, or null.</summary>
    RiskReason? Evaluate(RiskInputs inputs);
}
