using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Clients;

/// <summary>The tenant's clients (relying parties): list, read, create, change, rotate the secret, disable and
/// enable, delete. Every write is audited as admin.clients.*, never with a secret.</summary>
internal static class ClientsApi
{
    public static void MapClientsApi(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("clients").WithTags("Clients");
        clients.MapGet(string.Empty, ListAsync)
            .WithSummary("List clients")
            .WithDescription("The tenant's clients ordered by client id, a page at a time (limit 1 to 200, default 50; pass nextCursor as cursor for the next page).");
        clients.MapGet("{clientId}", GetAsync)
            .WithSummary("Get a client")
            .WithDescription("Type, redirect URIs, grant types, scopes, consent, back-channel logout URI, token lifetimes and whether it is disabled. Never the secret.");
        clients.MapPost(string.Empty, CreateAsync)
            .WithSummary("Create a client")
            .WithDescription("Registers a confidential or public client with the rules of the import (exact redirect URIs: https, http only on loopback, private-use schemes; no fragments or wildcards). For a confidential client the server generates the secret and returns it in this answer only; it stores only a hash. Audited as admin.clients.created.");
        clients.MapPut("{clientId}", UpdateAsync)
            .WithSummary("Change a client")
            .WithDescription("Replaces display name, redirect and post-logout URIs, back-channel logout URI, grant types, scopes, consent and token lifetimes (the client id and type stay). Audited as admin.clients.updated with before and after.");
        clients.MapPost("{clientId}/secret", RotateSecretAsync)
            .WithSummary("Rotate a client's secret")
            .WithDescription("Generates a new secret and returns it in this answer only; the old secret stops working at once. Audited as admin.clients.secret_rotated.");
        clients.MapPost("{clientId}/disable", DisableAsync)
            .WithSummary("Disable a client")
            .WithDescription("The client gets no authorization and no token any more (token and introspection requests: invalid_client) and its tokens are revoked. Audited as admin.clients.disabled.");
        clients.MapPost("{clientId}/enable", EnableAsync)
            .WithSummary("Enable a client")
            .WithDescription("The client may ask for authorizations and tokens again; revoked tokens stay revoked. Audited as admin.clients.enabled.");
        clients.MapDelete("{clientId}", DeleteAsync)
            .WithSummary("Delete a client")
            .WithDescription("Deletes the client with its authorizations and tokens. Audited as admin.clients.deleted with what it was.");
    }

    private static async Task<Results<Ok<Page<ClientResource>>, ValidationProblem>> ListAsync(int? limit, string? cursor, ClientAdmin clients,
        CancellationToken cancellationToken)
    {
        var outcome = await clients.ListAsync(limit, cursor, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : OutcomeResults.Invalid(outcome);
    }

    private static async Task<Results<Ok<ClientResource>, NotFound>> GetAsync(string clientId, ClientAdmin clients, CancellationToken cancellationToken) =>
        await clients.GetAsync(clientId, cancellationToken) is { } client ? TypedResults.Ok(client) : TypedResults.NotFound();

    private static async Task<Results<Created<ClientWithSecret>, ValidationProblem, ProblemHttpResult>> CreateAsync(ClientCreateInput input,
        ClientAdmin clients, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await clients.CreateAsync(input, cancellationToken);
        if (outcome.Errors is not null)
        {
            return OutcomeResults.Invalid(outcome);
        }

        if (!outcome.Succeeded)
        {
            return OutcomeResults.Conflict(outcome);
        }

        NoStore(context);
        return TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{Uri.EscapeDataString(outcome.Value!.Client.ClientId)}", outcome.Value);
    }

    private static async Task<Results<Ok<ClientResource>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(string clientId,
        ClientSettingsInput input, ClientAdmin clients, CancellationToken cancellationToken) =>
        Answer(await clients.UpdateAsync(clientId, input, cancellationToken));

    private static async Task<Results<Ok<ClientWithSecret>, NotFound, ProblemHttpResult>> RotateSecretAsync(string clientId, ClientAdmin clients,
        HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await clients.RotateSecretAsync(clientId, cancellationToken);
        if (outcome.IsMissing)
        {
            return TypedResults.NotFound();
        }

        if (!outcome.Succeeded)
        {
            return OutcomeResults.Conflict(outcome);
        }

        NoStore(context);
        return TypedResults.Ok(outcome.Value);
    }

    private static async Task<Results<Ok<ClientResource>, NotFound, ProblemHttpResult>> DisableAsync(string clientId, ClientAdmin clients,
        CancellationToken cancellationToken) =>
        StateChange(await clients.SetDisabledAsync(clientId, disabled: true, cancellationToken));

    private static async Task<Results<Ok<ClientResource>, NotFound, ProblemHttpResult>> EnableAsync(string clientId, ClientAdmin clients,
        CancellationToken cancellationToken) =>
        StateChange(await clients.SetDisabledAsync(clientId, disabled: false, cancellationToken));

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(string clientId, ClientAdmin clients,
        CancellationToken cancellationToken)
    {
        var outcome = await clients.DeleteAsync(clientId, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.IsMissing ? TypedResults.NotFound() : OutcomeResults.Conflict(outcome);
    }

    private static Results<Ok<ClientResource>, NotFound, ValidationProblem, ProblemHttpResult> Answer(Outcome<ClientResource> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!)
        : outcome.IsMissing ? TypedResults.NotFound()
        : outcome.Errors is not null ? OutcomeResults.Invalid(outcome)
        : OutcomeResults.Conflict(outcome);

    private static Results<Ok<ClientResource>, NotFound, ProblemHttpResult> StateChange(Outcome<ClientResource> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.IsMissing ? TypedResults.NotFound() : OutcomeResults.Conflict(outcome);

    /// <summary>An answer holding a secret is not kept by any cache (as RFC 6749 asks of token responses).</summary>
    private static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
    }
}
