using CiamServer.Core.Tenancy;
using CiamServer.Risk.Networks;
using CiamServer.Risk.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Engine;

/// <summary>Reads first (history from the database and counters from Redis, side by side; geolocation and the
/// address lists in memory), computes the inputs once, then runs every signal on them.</summary>
internal sealed class RiskEngine(
    ISignInHistory history, IRiskCounters counters, IRiskGeo geo, RiskAddressLists lists, IEnumerable<IRiskSignal> signals,
    ITenantContext tenants, IOptions<RiskOptions> options, ILogger<RiskEngine> logger) : IRiskEngine
{
    private readonly IRiskSignal[] _signals = [.. signals];

    public async Task<RiskAssessment> AssessAsync(SignInContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policy = tenants.Required.Risk;
        var address = context.Address is null ? null : Cidr.Normalize(context.Address);
        var pastTask = context.UserId is { } userId
            ? history.RecentSuccessfulAsync(userId, options.Value.HistorySize, cancellationToken)
            : Task.FromResult<IReadOnlyList<PastSignIn>>([]);
        var countsTask = counters.ReadAsync(context.AccountName, address, cancellationToken);
        var location = address is null ? null : geo.Locate(address);
        var denied = address is null ? null : lists.DenyListMatch(address);
        var anonymizer = address is null ? null : lists.AnonymizerMatch(address);
        await Task.WhenAll(pastTask, countsTask);
        var past = await pastTask;
        var counts = await countsTask;

        var inputs = RiskInputsBuilder.Build(context, location, past, counts, denied, anonymizer);
        var assessment = Evaluate(inputs, _signals, policy);
        logger.RiskAssessed(context.UserId, assessment.Score, assessment.Decision, assessment.Reasons.Count);
        return assessment;
    }

    /// <summary>Runs the signals on inputs (live or stored): points clamped to 0-100, silent and zero-point
    /// reasons left out, score capped at 100, decision from the policy.</summary>
    internal static RiskAssessment Evaluate(RiskInputs inputs, IReadOnlyList<IRiskSignal> signals, TenantRiskPolicy policy)
    {
        var reasons = new List<RiskReason>(4);
        var total = 0;
        foreach (var signal in signals)
        {
            if (signal.Evaluate(inputs) is not { } reason)
            {
                continue;
            }

            var points = Math.Clamp(reason.Points, 0, 100);
            if (points == 0)
            {
                continue;
            }

            reasons.Add(points == reason.Points ? reason : reason with { Points = points });
            total += points;
        }

        var score = Math.Min(100, total);
        return new RiskAssessment(score, RiskPolicyDecider.Decide(score, policy), reasons, inputs);
    }
}
