using CiamServer.Admin.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Roles;

/// <summary>The tenant's roles, their members, and the roles of a user. A user's role names go into tokens
/// issued with the "roles" scope, from the next token on. Writes are audited as admin.roles.*.</summary>
internal static class RolesApi
{
    public static void MapRolesApi(this RouteGroupBuilder api)
    {
        var roles = api.MapGroup("roles").WithTags("Roles");
        roles.MapGet(string.Empty, ListAsync)
            .WithSummary("List roles")
            .WithDescription("The tenant's roles with their member counts, ordered by name, a page at a time (limit 1 to 200, default 50; pass nextCursor as cursor).");
        roles.MapGet("{name}", GetAsync)
            .WithSummary("Get a role")
            .WithDescription("The role's name and member count. Names are unique per tenant, compared without case.");
        roles.MapPost(string.Empty, CreateAsync)
            .WithSummary("Create a role")
            .WithDescription("A name of at most 100 characters without commas, unique in the tenant (409 otherwise). Audited as admin.roles.created.");
        roles.MapPut("{name}", RenameAsync)
            .WithSummary("Rename a role")
            .WithDescription("Members keep the role under its new name; the tenant's MFA policy follows the rename. Audited as admin.roles.renamed.");
        roles.MapDelete("{name}", DeleteAsync)
            .WithSummary("Delete a role")
            .WithDescription("Members lose the role. Refused (409) while the tenant's MFA policy requires a second factor of the role. Audited as admin.roles.deleted.");
        roles.MapGet("{name}/members", MembersAsync)
            .WithSummary("List a role's members")
            .WithDescription("Users who have the role (id, user name, email), ordered by user name, a page at a time.");

        var userRoles = api.MapGroup("users/{userId:guid}/roles").WithTags("Roles");
        userRoles.MapGet(string.Empty, UserRolesAsync)
            .WithSummary("List a user's roles")
            .WithDescription("The names of the roles the user has.");
        userRoles.MapPut(string.Empty, SetUserRolesAsync)
            .WithSummary("Set a user's roles")
            .WithDescription("Gives the user exactly the listed roles, in one transaction. Audited as admin.roles.assignments_set with before and after.");
        userRoles.MapPost(string.Empty, AssignAsync)
            .WithSummary("Give a user a role")
            .WithDescription("Adds one role; nothing changes when the user has it. Audited as admin.roles.assigned.");
        userRoles.MapDelete("{role}", UnassignAsync)
            .WithSummary("Take a role from a user")
            .WithDescription("Removes one role; nothing changes when the user does not have it. 404 when the user or the role does not exist. Audited as admin.roles.unassigned.");
    }

    private static async Task<Results<Ok<Page<RoleResource>>, ValidationProblem>> ListAsync(int? limit, string? cursor, RoleAdmin roles,
        CancellationToken cancellationToken)
    {
        var outcome = await roles.ListAsync(limit, cursor, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : OutcomeResults.Invalid(outcome);
    }

    private static async Task<Results<Ok<RoleResource>, NotFound>> GetAsync(string name, RoleAdmin roles, CancellationToken cancellationToken) =>
        await roles.GetAsync(name, cancellationToken) is { } role ? TypedResults.Ok(role) : TypedResults.NotFound();

    private static async Task<Results<Created<RoleResource>, ValidationProblem, ProblemHttpResult>> CreateAsync(RoleInput input, RoleAdmin roles,
        HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await roles.CreateAsync(input, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{Uri.EscapeDataString(outcome.Value!.Name)}", outcome.Value)
            : outcome.Errors is not null ? OutcomeResults.Invalid(outcome) : OutcomeResults.Conflict(outcome);
    }

    private static async Task<Results<Ok<RoleResource>, NotFound, ValidationProblem, ProblemHttpResult>> RenameAsync(string name, RoleInput input,
        RoleAdmin roles, CancellationToken cancellationToken) =>
        Answer(await roles.RenameAsync(name, input, cancellationToken));

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(string name, RoleAdmin roles, CancellationToken cancellationToken)
    {
        var outcome = await roles.DeleteAsync(name, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.IsMissing ? TypedResults.NotFound() : OutcomeResults.Conflict(outcome);
    }

    private static async Task<Results<Ok<Page<RoleMember>>, NotFound, ValidationProblem>> MembersAsync(string name, int? limit, string? cursor,
        RoleAdmin roles, CancellationToken cancellationToken)
    {
        var outcome = await roles.MembersAsync(name, limit, cursor, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.IsMissing ? TypedResults.NotFound() : OutcomeResults.Invalid(outcome);
    }

    private static async Task<Results<Ok<UserRolesResource>, NotFound>> UserRolesAsync(Guid userId, RoleAdmin roles, CancellationToken cancellationToken) =>
        await roles.UserRolesAsync(userId, cancellationToken) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Results<Ok<UserRolesResource>, NotFound, ValidationProblem, ProblemHttpResult>> SetUserRolesAsync(Guid userId,
        UserRolesInput input, RoleAdmin roles, CancellationToken cancellationToken) =>
        Answer(await roles.SetUserRolesAsync(userId, input, cancellationToken));

    private static async Task<Results<Ok<UserRolesResource>, NotFound, ValidationProblem, ProblemHttpResult>> AssignAsync(Guid userId,
        RoleAssignmentInput input, RoleAdmin roles, CancellationToken cancellationToken) =>
        Answer(await roles.AssignAsync(userId, input, cancellationToken));

    private static async Task<Results<Ok<UserRolesResource>, NotFound, ValidationProblem, ProblemHttpResult>> UnassignAsync(Guid userId, string role,
        RoleAdmin roles, CancellationToken cancellationToken) =>
        Answer(await roles.UnassignAsync(userId, role, cancellationToken));

    private static Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!)
        : outcome.IsMissing ? TypedResults.NotFound()
        : outcome.Errors is not null ? OutcomeResults.Invalid(outcome)
        : OutcomeResults.Conflict(outcome);
}
