using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Tenants;

/// <summary>Tenants: list, create, rename, disable, enable, delete (with a preview of what goes), export to the
/// import format and import from it in the background. Not about one tenant: mapped in the admin tenant's
/// global group, super-admins only.</summary>
internal static class TenantsApi
{
    internal static void MapTenantsApi(this RouteGroupBuilder global)
    {
        var tenants = global.MapGroup("tenants").WithTags("Tenants");
        tenants.MapGet(string.Empty, ListAsync)
            .WithSummary("List tenants")
            .WithDescription("Tenants by slug, a page at a time: `limit` (1 to 200, default 50) and the `nextCursor` of the previous page.");
        tenants.MapPost(string.Empty, CreateAsync)
            .WithSummary("Create a tenant")
            .WithDescription("A new tenant with default settings; its issuer is `{origin}/t/{slug}`. The slug is 1 to 63 lower-case letters, digits or dashes and cannot be changed later; 'admin' and 'import' are reserved. 409 when the slug is taken. Audited as admin.tenants.created in the new tenant.");
        tenants.MapPost("import", ImportAsync)
            .WithSummary("Import tenants from an import document")
            .WithDescription("The body is an import document (docs/import.md), validated first: 400 with the problems by JSON path, nothing written. A valid one is imported in the background (one transaction) and 202 points at its job. Audited as admin.tenants.imported in each tenant.")
            .Accepts<Import.Model.ImportDocument>("application/json");
        tenants.MapGet("import/{jobId:guid}", GetImport)
            .WithSummary("Progress of an import")
            .WithDescription("Status (queued, running, succeeded, failed), objects processed out of the total, changes, and the problems of a failed import. Jobs are kept 24 hours on the node that took the upload.");
        tenants.MapGet("{slug}", GetAsync)
            .WithSummary("Get a tenant");
        tenants.MapPatch("{slug}", UpdateAsync)
            .WithSummary("Rename a tenant")
            .WithDescription("Changes the display name. The slug cannot change (it is the issuer every client and token names): sending another one is a 400. Audited as admin.tenants.renamed.");
        tenants.MapPost("{slug}/disable", DisableAsync)
            .WithSummary("Disable a tenant")
            .WithDescription("Its issuer (discovery, sign-in, tokens, its admin API) answers 404 at once on this node and within 30 seconds on others; nothing is deleted and tokens already issued keep working until they expire. The admin tenant cannot be disabled (409). Audited as admin.tenants.disabled.");
        tenants.MapPost("{slug}/enable", EnableAsync)
            .WithSummary("Enable a tenant")
            .WithDescription("Audited as admin.tenants.enabled.");
        tenants.MapGet("{slug}/deletion", PreviewDeletionAsync)
            .WithSummary("What deleting a tenant removes")
            .WithDescription("Rows per table of the tenant and its open sessions. The admin tenant cannot be deleted (409).");
        tenants.MapDelete("{slug}", DeleteAsync)
            .WithSummary("Delete a tenant and everything it owns")
            .WithDescription("`confirm` must repeat the slug. Disables the tenant, ends its open sessions (revoking their tokens), then deletes its users, clients, scopes, roles, tokens, sessions, factors and audit log with the tenant in one transaction. Audited as admin.tenants.deleted in the admin tenant.");
        tenants.MapGet("{slug}/export", ExportAsync)
            .WithSummary("Export a tenant as an import document")
            .WithDescription("Streams the tenant's settings, API scopes, roles, clients (never their secrets: a confidential client needs a new `secret` before the document is imported) and, with `users=true` (default), its users; `passwordHashes=true` adds their password hashes. Audited as admin.tenants.exported in the tenant.");
    }

    private static async Task<Results<Ok<TenantPage>, ValidationProblem>> ListAsync(int? limit, string? cursor, TenantAdmin admin, CancellationToken cancellationToken)
    {
        var result = await admin.ListAsync(limit, cursor, cancellationToken);
        return result.Outcome == TenantOutcome.Done ? TypedResults.Ok(result.Value) : TypedResults.ValidationProblem(result.Errors!);
    }

    private static async Task<Results<Ok<TenantResource>, NotFound>> GetAsync(string slug, TenantAdmin admin, CancellationToken cancellationToken) =>
        await admin.GetAsync(slug, cancellationToken) is { } tenant ? TypedResults.Ok(tenant) : TypedResults.NotFound();

    private static async Task<Results<Created<TenantResource>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateTenantRequest request,
        TenantAdmin admin, CancellationToken cancellationToken)
    {
        var result = await admin.CreateAsync(request, cancellationToken);
        return result.Outcome switch
        {
            TenantOutcome.Done => TypedResults.Created($"tenants/{result.Value!.Slug}", result.Value),
            TenantOutcome.Invalid => TypedResults.ValidationProblem(result.Errors!),
            _ => Conflict(result.Conflict),
        };
    }

    private static async Task<Results<Ok<TenantResource>, NotFound, ValidationProblem>> UpdateAsync(string slug, UpdateTenantRequest request,
        TenantAdmin admin, CancellationToken cancellationToken)
    {
        var result = await admin.UpdateAsync(slug, request, cancellationToken);
        return result.Outcome switch
        {
            TenantOutcome.Done => TypedResults.Ok(result.Value),
            TenantOutcome.Invalid => TypedResults.ValidationProblem(result.Errors!),
            _ => TypedResults.NotFound(),
        };
    }

    private static Task<Results<Ok<TenantResource>, NotFound, ProblemHttpResult>> DisableAsync(string slug, TenantAdmin admin, CancellationToken cancellationToken) =>
        SetEnabledAsync(slug, false, admin, cancellationToken);

    private static Task<Results<Ok<TenantResource>, NotFound, ProblemHttpResult>> EnableAsync(string slug, TenantAdmin admin, CancellationToken cancellationToken) =>
        SetEnabledAsync(slug, true, admin, cancellationToken);

    private static async Task<Results<Ok<TenantResource>, NotFound, ProblemHttpResult>> SetEnabledAsync(string slug, bool enabled, TenantAdmin admin,
        CancellationToken cancellationToken)
    {
        var result = await admin.SetEnabledAsync(slug, enabled, cancellationToken);
        return result.Outcome switch
        {
            TenantOutcome.Done => TypedResults.Ok(result.Value),
            TenantOutcome.NotFound => TypedResults.NotFound(),
            _ => Conflict(result.Conflict),
        };
    }

    private static async Task<Results<Ok<TenantDeletionPreview>, NotFound, ProblemHttpResult>> PreviewDeletionAsync(string slug, TenantDeletion deletion,
        CancellationToken cancellationToken)
    {
        var result = await deletion.PreviewAsync(slug, cancellationToken);
        return result.Outcome switch
        {
            TenantOutcome.Done => TypedResults.Ok(result.Value),
            TenantOutcome.NotFound => TypedResults.NotFound(),
            _ => Conflict(result.Conflict),
        };
    }

    private static async Task<Results<Ok<TenantDeletionPreview>, NotFound, ValidationProblem, ProblemHttpResult>> DeleteAsync(string slug, string? confirm,
        TenantDeletion deletion, CancellationToken cancellationToken)
    {
        var result = await deletion.DeleteAsync(slug, confirm, cancellationToken);
        return result.Outcome switch
        {
            TenantOutcome.Done => TypedResults.Ok(result.Value),
            TenantOutcome.NotFound => TypedResults.NotFound(),
            TenantOutcome.Invalid => TypedResults.ValidationProblem(result.Errors!),
            _ => Conflict(result.Conflict),
        };
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> ExportAsync(string slug, bool? users, bool? passwordHashes, TenantAdmin admin,
        TenantExporter exporter, TargetTenants scopes, CancellationToken cancellationToken)
    {
        var tenant = await admin.FindAsync(slug, cancellationToken);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }

        var options = new TenantExporter.Options(users ?? true, (users ?? true) && passwordHashes == true);
        await scopes.AuditAsync(tenant, "admin.tenants.exported", new { users = options.Users, passwordHashes = options.PasswordHashes }, cancellationToken);
        return TypedResults.Stream(stream => exporter.WriteAsync(tenant, options, stream, cancellationToken), "application/json", $"{slug}.json");
    }

    private static async Task<Results<Accepted<TenantImportJobResource>, ValidationProblem>> ImportAsync(HttpRequest request, TenantImportJobs jobs,
        CancellationToken cancellationToken)
    {
        var result = await jobs.SubmitAsync(request.Body, cancellationToken);
        return result.Outcome == TenantOutcome.Done
            ? TypedResults.Accepted($"{request.PathBase}{request.Path}/{result.Value!.Id}", result.Value)
            : TypedResults.ValidationProblem(result.Errors!);
    }

    private static Results<Ok<TenantImportJobResource>, NotFound> GetImport(Guid jobId, TenantImportJobs jobs) =>
        jobs.Find(jobId) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    private static ProblemHttpResult Conflict(string? detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
