using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Access;

/// <summary>Administrator roles (super-admin only, in the admin tenant): who has which, give one, remove one.</summary>
internal static class AdministratorsApi
{
    public static void MapAdministratorsApi(this RouteGroupBuilder global)
    {
        var administrators = global.MapGroup("administrators").WithTags("Administrators");
        administrators.MapGet(string.Empty, ListAsync)
            .WithSummary("List administrator roles")
            .WithDescription("Every super-admin and tenant admin role, with the admin tenant user holding it.");
        administrators.MapPost(string.Empty, AddAsync)
            .WithSummary("Give an administrator role")
            .WithDescription("Gives super-admin, or tenant admin of the tenant named, to an existing user of the admin tenant. Audited as admin.grants.added.");
        administrators.MapDelete("{grantId:guid}", RemoveAsync)
            .WithSummary("Remove an administrator role")
            .WithDescription("Takes effect at the admin's next request. The last super-admin cannot be removed (409). Audited as admin.grants.removed.");
    }

    private static async Task<Ok<IReadOnlyList<AdminGrantView>>> ListAsync(AdminGrantDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListAsync(null, cancellationToken));

    private static async Task<Results<Created<AdminGrantView>, ValidationProblem>> AddAsync(GrantRequest request, AdminGrantDirectory directory,
        HttpContext context, CancellationToken cancellationToken)
    {
        var (grant, errors) = await directory.AddAsync(request.Email, request.Role, request.Tenant, cancellationToken);
        return grant is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"{context.Request.PathBase}/admin/api/administrators/{grant.Id}", grant);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveAsync(Guid grantId, AdminGrantDirectory directory,
        CancellationToken cancellationToken) =>
        await directory.RemoveAsync(grantId, cancellationToken) switch
        {
            RemoveGrantResult.Removed => TypedResults.NoContent(),
            RemoveGrantResult.LastSuperAdmin => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The last super-admin cannot be removed."),
            _ => TypedResults.NotFound(),
        };
}

/// <summary>A role to give: <c>super-admin</c>, or <c>tenant-admin</c> with the tenant's slug.</summary>
internal sealed record GrantRequest(string? Email, string? Role, string? Tenant);
