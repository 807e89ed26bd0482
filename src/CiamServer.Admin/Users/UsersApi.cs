using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Admin.Users;

/// <summary>Find users and look at one: read only (changes are the user actions' endpoints).</summary>
internal static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("users").WithTags("Users");
        users.MapGet(string.Empty, SearchAsync)
            .WithSummary("Search users")
            .WithDescription("q is read as: a GUID (that user), text with '@' (email prefix), a phone number (E.164 exact; digits that " +
                "are not a whole number: prefix of +digits), otherwise a prefix of the given name, family name, \"given family\" or " +
                "email (case-insensitive). No q lists everyone, newest first. limit 1 to 200 (default 50); pass nextCursor as cursor " +
                "for the next page (null on the last one). No total count is given.");
        users.MapGet("{id:guid}", GetAsync)
            .WithSummary("Get a user")
            .WithDescription("Profile, sign-in methods (password set, passkeys, TOTP, recovery codes left, external logins), active " +
                "sessions and the latest 20 sign-in attempts with their risk assessment. 404 for an id not in this tenant.");
    }

    private static async Task<Results<Ok<UserPage>, ValidationProblem>> SearchAsync(UserDirectory directory, string? q, int? limit, string? cursor,
        CancellationToken cancellationToken)
    {
        var result = await directory.SearchAsync(q, limit, cursor, cancellationToken);
        return result.Errors is { } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(result.Page!);
    }

    private static async Task<Results<Ok<UserDetails>, NotFound>> GetAsync(Guid id, UserDirectory directory, CancellationToken cancellationToken) =>
        await directory.GetAsync(id, cancellationToken) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();
}
