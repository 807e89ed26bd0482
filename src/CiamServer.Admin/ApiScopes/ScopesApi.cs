using CiamServer.Admin.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.ApiScopes;

/// <summary>The tenant's API scopes and their audiences. The standard OIDC scopes (openid, profile, email,
/// phone, offline_access, roles) are built in and not listed or editable here. Writes are audited as admin.scopes.*.</summary>
internal static class ScopesApi
{
    public static void MapScopesApi(this RouteGroupBuilder api)
    {
        var scopes = api.MapGroup("scopes").WithTags("Scopes");
        scopes.MapGet(string.Empty, ListAsync)
            .WithSummary("List API scopes")
            .WithDescription("The tenant's API scopes ordered by name, a page at a time (limit 1 to 200, default 50; pass nextCursor as cursor).");
        scopes.MapGet("{name}", GetAsync)
            .WithSummary("Get an API scope")
            .WithDescription("Name, display name, description (shown on the consent page) and audiences.");
        scopes.MapPost(string.Empty, CreateAsync)
            .WithSummary("Create an API scope")
            .WithDescription("A name without spaces, quotes or backslashes that is not a standard scope, and at least one audience. Audited as admin.scopes.created.");
        scopes.MapPut("{name}", UpdateAsync)
            .WithSummary("Change an API scope")
            .WithDescription("Replaces display name, description and audiences; tokens issued from now on carry the new audiences. Audited as admin.scopes.updated.");
        scopes.MapDelete("{name}", DeleteAsync)
            .WithSummary("Delete an API scope")
            .WithDescription("Refused with 409 (conflictsWith: the client ids) while a client is still allowed the scope. Audited as admin.scopes.deleted.");
    }

    private static async Task<Results<Ok<Page<ScopeResource>>, ValidationProblem>> ListAsync(int? limit, string? cursor, ScopeAdmin scopes,
        CancellationToken cancellationToken)
    {
        var outcome = await scopes.ListAsync(limit, cursor, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : OutcomeResults.Invalid(outcome);
    }

    private static async Task<Results<Ok<ScopeResource>, NotFound>> GetAsync(string name, ScopeAdmin scopes, CancellationToken cancellationToken) =>
        await scopes.GetAsync(name, cancellationToken) is { } scope ? TypedResults.Ok(scope) : TypedResults.NotFound();

    private static async Task<Results<Created<ScopeResource>, ValidationProblem, ProblemHttpResult>> CreateAsync(ScopeCreateInput input,
        ScopeAdmin scopes, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await scopes.CreateAsync(input, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{Uri.EscapeDataString(outcome.Value!.Name)}", outcome.Value)
            : outcome.Errors is not null ? OutcomeResults.Invalid(outcome) : OutcomeResults.Conflict(outcome);
    }

    private static async Task<Results<Ok<ScopeResource>, NotFound, ValidationProblem>> UpdateAsync(string name, ScopeSettingsInput input,
        ScopeAdmin scopes, CancellationToken cancellationToken)
    {
        var outcome = await scopes.UpdateAsync(name, input, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.IsMissing ? TypedResults.NotFound() : OutcomeResults.Invalid(outcome);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> DeleteAsync(string name, ScopeAdmin scopes,
        CancellationToken cancellationToken)
    {
        var outcome = await scopes.DeleteAsync(name, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent()
            : outcome.IsMissing ? TypedResults.NotFound()
            : outcome.Errors is not null ? OutcomeResults.Invalid(outcome)
            : OutcomeResults.Conflict(outcome);
    }
}
