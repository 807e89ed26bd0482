using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CiamServer.Core.Data;
using CiamServer.Core.Risk;
using CiamServer.Core.Tenancy;
using CiamServer.Risk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Admin.SignIns;

/// <summary>Sign-in attempts with their risk assessment (why each was allowed, challenged or refused), and a dry
/// run of different thresholds over the last attempts before an admin changes the tenant's policy.</summary>
internal static class SignInsApi
{
    private const int MaxPage = 500;

    public static void MapSignInsApi(this RouteGroupBuilder api)
    {
        api.MapGet("sign-ins", ListTenantAsync).WithTags("Sign-ins")
            .WithSummary("List the tenant's sign-in attempts")
            .WithDescription("Most recent first (limit: 1 to 500, default 50), each with its risk score, decision, reasons and inputs.");
        api.MapGet("users/{userId:guid}/sign-ins", ListUserAsync).WithTags("Sign-ins")
            .WithSummary("List a user's sign-in attempts")
            .WithDescription("As the tenant's list, for one user.");
        api.MapPost("risk/dry-run", DryRunAsync).WithTags("Risk")
            .WithSummary("Try other risk thresholds")
            .WithDescription("What the last attempts (default 1000) would have been decided with the proposed stepUpAt and denyAt " +
                "(101: never), from their stored scores. Changes nothing and is not audited.");
    }

    private static async Task<Results<Ok<List<SignInResource>>, ValidationProblem>> ListTenantAsync(CiamDbContext db, int? limit, CancellationToken cancellationToken) =>
        await ListAsync(db.SignInAttempts, limit, cancellationToken);

    private static async Task<Results<Ok<List<SignInResource>>, ValidationProblem>> ListUserAsync(Guid userId, CiamDbContext db, int? limit,
        CancellationToken cancellationToken) =>
        await ListAsync(db.SignInAttempts.Where(a => a.UserId == userId), limit, cancellationToken);

    private static async Task<Results<Ok<List<SignInResource>>, ValidationProblem>> ListAsync(IQueryable<SignInAttempt> attempts, int? limit,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPage)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Must be between 1 and {MaxPage}."] });
        }

        var rows = await attempts.AsNoTracking().OrderByDescending(a => a.CreatedAt).Take(limit ?? 50).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(SignInResource.From).ToList());
    }

    /// <summary>What the last <c>last</c> attempts would have been decided with other thresholds (scores as
    /// stored: the signals are not run again).</summary>
    private static async Task<Results<Ok<DryRunResult>, ValidationProblem>> DryRunAsync(DryRunRequest request, CiamDbContext db, ITenantContext tenants,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.StepUpAt is < 1 or > 101)
        {
            errors["stepUpAt"] = ["Must be between 1 and 101 (101: never)."];
        }

        if (request.DenyAt is < 1 or > 101)
        {
            errors["denyAt"] = ["Must be between 1 and 101 (101: never)."];
        }

        if (request.StepUpAt > request.DenyAt)
        {
            errors["stepUpAt"] = ["Must not be above denyAt."];
        }

        if (request.Last is < 1 or > 10_000)
        {
            errors["last"] = ["Must be between 1 and 10000."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var current = tenants.Required.Risk;
        var proposed = new TenantRiskPolicy { StepUpAt = request.StepUpAt, DenyAt = request.DenyAt };
        var scores = await db.SignInAttempts.AsNoTracking().OrderByDescending(a => a.CreatedAt).Take(request.Last)
            .Select(a => new { a.Id, a.Score, a.CreatedAt }).ToListAsync(cancellationToken);
        var changed = scores
            .Select(a => new ChangedDecision(a.Id, a.CreatedAt, a.Score, Name(RiskPolicyDecider.Decide(a.Score, current)), Name(RiskPolicyDecider.Decide(a.Score, proposed))))
            .Where(c => c.Now != c.WithProposal)
            .ToList();
        return TypedResults.Ok(new DryRunResult(
            scores.Count,
            Counts(RiskPolicyDecider.DryRun(scores.Select(a => a.Score), current)),
            Counts(RiskPolicyDecider.DryRun(scores.Select(a => a.Score), proposed)),
            changed.Take(100).ToList()));
    }

    private static Dictionary<string, int> Counts(RiskDryRun run) => new()
    {
        [Name(RiskDecision.Allow)] = run.Allow,
        [Name(RiskDecision.StepUp)] = run.StepUp,
        [Name(RiskDecision.Deny)] = run.Deny,
    };

    private static string Name(RiskDecision decision) => decision.ToStoredValue();
}

internal sealed record DryRunRequest([property: Range(1, 101)] int StepUpAt, [property: Range(1, 101)] int DenyAt, int Last = 1000);

internal sealed record DryRunResult(int Attempts, Dictionary<string, int> Now, Dictionary<string, int> WithProposal, List<ChangedDecision> Changed);

internal sealed record ChangedDecision(Guid AttemptId, DateTime CreatedAt, int Score, string Now, string WithProposal);

/// <summary>An attempt as the admin API shows it: the assessment with its reasons and inputs.</summary>
public sealed record SignInResource(Guid Id, DateTime CreatedAt, Guid? UserId, string AccountName, string Methods, string? IpAddress, string? Country,
    int Score, string Decision, JsonElement Reasons, JsonElement Inputs, string Outcome, string? SessionId)
{
    public static SignInResource From(SignInAttempt a) =>
        new(a.Id, a.CreatedAt, a.UserId, a.AccountName, a.Methods, a.IpAddress, a.Country, a.Score, a.Decision,
            JsonDocument.Parse(a.ReasonsJson).RootElement, JsonDocument.Parse(a.InputsJson).RootElement, a.Outcome, a.SessionId);
}
