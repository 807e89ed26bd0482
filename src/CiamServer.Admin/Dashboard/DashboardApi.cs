using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Dashboard;

/// <summary>The tenant's activity over time, for the console's dashboard and for monitoring scripts.</summary>
internal static class DashboardApi
{
    public static void MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("dashboard", GetAsync).WithTags("Dashboard")
            .WithSummary("Sign-ins, sign-ups, failures and challenges over time, and the sessions active now")
            .WithDescription("Either days (the last 1 to 366 days up to now, default 30) or from and to (ISO 8601, widened to whole buckets, at most " +
                "366 days); bucket: day (default) or hour (at most 744 buckets). Buckets are UTC and every bucket is listed, empty ones with zeros. " +
                "signIns: sign-ins that succeeded; signUps: accounts created (sign-up, import, admin); failures: sign-ins refused by the risk engine " +
                "or whose second factor failed (wrong passwords are counted by the throttle, not stored); challenges: sign-ins sent to a second " +
                "factor; activeSessions: sessions whose cookie still works now.");
    }

    private static async Task<Results<Ok<DashboardResource>, ValidationProblem>> GetAsync(string? days, string? from, string? to, string? bucket,
        DashboardStats stats, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var range = DashboardRange.Parse(days, from, to, bucket, clock.GetUtcNow().UtcDateTime, errors);
        return range is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await stats.ReadAsync(range, cancellationToken));
    }
}
