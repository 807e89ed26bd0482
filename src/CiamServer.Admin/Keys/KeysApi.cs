using CiamServer.Protocol.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Keys;

/// <summary>The server's signing keys: list, rotate, retire. One ring serves every tenant, so these are mapped
/// in the admin tenant's global group, super-admins only.</summary>
internal static class KeysApi
{
    internal static void MapKeysApi(this RouteGroupBuilder global)
    {
        var keys = global.MapGroup("keys").WithTags("Keys");
        keys.MapGet(string.Empty, ListAsync)
            .WithSummary("List signing and encryption keys")
            .WithDescription("Newest first, with kid, use (sig or enc), algorithm, dates and state (pending, active, retiring, expired); never private material. `limit` (1 to 200, default 50) and `cursor`.");
        keys.MapPost("rotate", RotateAsync)
            .WithSummary("Rotate the keys")
            .WithDescription("Creates a new signing and encryption key, published in JWKS now and used after Ciam:Protocol:Keys:PublishAhead; the current keys retire then and stay published until their tokens expire. Other nodes learn it within Ciam:Protocol:Keys:RefreshInterval. Audited as admin.keys.rotated.");
        keys.MapPost("{kid}/retire", RetireAsync)
            .WithSummary("Retire a key now")
            .WithDescription("The key stops signing at once and stays in JWKS until the tokens it signed have expired. If the only other keys are published ahead, the earliest of them signs from now on. 409 for the last key of its use (rotate first) and for a key not in use. Audited as admin.keys.retired.");
    }

    private static async Task<Results<Ok<KeyPage>, ValidationProblem>> ListAsync(int? limit, string? cursor, KeyAdmin admin, CancellationToken cancellationToken) =>
        await admin.ListAsync(limit, cursor, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [limit is < 1 or > KeyAdmin.MaxPageSize ? "limit" : "cursor"] =
                    [limit is < 1 or > KeyAdmin.MaxPageSize ? $"must be between 1 and {KeyAdmin.MaxPageSize}." : "is not a cursor this list returned."],
            });

    private static async Task<Ok<IReadOnlyList<KeyResource>>> RotateAsync(KeyAdmin admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await admin.RotateAsync(cancellationToken));

    private static async Task<Results<Ok<KeyResource>, NotFound, ProblemHttpResult>> RetireAsync(string kid, KeyAdmin admin, CancellationToken cancellationToken)
    {
        var (outcome, key) = await admin.RetireAsync(kid, cancellationToken);
        return outcome switch
        {
            KeyRetirement.Retired => TypedResults.Ok(key),
            KeyRetirement.NotFound => TypedResults.NotFound(),
            KeyRetirement.LastKey => TypedResults.Problem("This is the last key of its use: rotate first, then retire it.", statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
            _ => TypedResults.Problem("The key is not in use (published ahead, or already retired).", statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        };
    }
}
