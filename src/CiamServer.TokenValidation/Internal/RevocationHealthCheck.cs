using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CiamServer.TokenValidation.Internal;

/// <summary>Unhealthy while the revocation set is stale, whether the scheme then fails closed (tokens
/// refused) or open (tokens accepted unchecked): either way someone should know.</summary>
internal sealed class RevocationHealthCheck(RevocationFreshness freshness, RevocationSet set, bool failOpen) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = freshness.SinceConfirmed;
        var data = new Dictionary<string, object>
        {
            ["entries"] = set.Count,
            ["secondsSinceConfirmed"] = since?.TotalSeconds ?? -1,
            ["failClosedAfterSeconds"] = freshness.FailClosedAfter.TotalSeconds,
        };
        if (!freshness.IsStale)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Revocation set current ({set.Count} entries).", data));
        }

        var consequence = failOpen ? "tokens are accepted without a revocation check" : "tokens are refused";
        var description = since is null
            ? $"Revocation set never loaded from Redis; {consequence}."
            : $"Revocation set not confirmed for {since.Value.TotalSeconds:F0} s (limit {freshness.FailClosedAfter.TotalSeconds:F0} s); {consequence}.";
        return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, description, data: data));
    }
}
