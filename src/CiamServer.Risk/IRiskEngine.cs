namespace CiamServer.Risk;

/// <summary>Scores one sign-in attempt for the current tenant and turns the score into that tenant's decision
/// (<see cref="Core.Tenancy.Tenant.Risk"/>). Reads the user's recent successful sign-ins and the failure counters
/// first (one database query, one Redis round trip), then runs every signal on what it read.</summary>
public interface IRiskEngine
{
    Task<RiskAssessment> AssessAsync(SignInContext context, CancellationToken cancellationToken);
}
