using System.Linq.Expressions;
using CiamServer.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CiamServer.Admin.Users;

/// <summary>The SQL of each search shape, written so that PostgreSQL answers it from one index range per searched
/// column (the indexes of UserSearchColumns in Core): a prefix (LIKE 'ABC%', a range in the "C" collation), the
/// keyset position (key, id) &gt; cursor, in (key, id) order, LIMIT n. Never an OFFSET or a count.</summary>
internal static class UserSearchQueries
{
    private static readonly Expression<Func<CiamUser, string?>> Email = u => u.NormalizedEmail;
    private static readonly Expression<Func<CiamUser, string?>> Phone = u => u.PhoneNumber;
    private static readonly Expression<Func<CiamUser, string?>> Name = u => EF.Property<string?>(u, CiamUserSearchColumns.Name);
    private static readonly Expression<Func<CiamUser, string?>> FamilyName = u => EF.Property<string?>(u, CiamUserSearchColumns.FamilyName);

    /// <summary>The next <paramref name="take"/> rows after <paramref name="after"/>, in the shape's order. A name
    /// search can return a user more than once (see <see cref="UserHit.IsWhereListed"/>) unless
    /// <paramref name="listedOnly"/>, which has the database drop those rows instead (it then reads past them).</summary>
    public static IQueryable<UserHit> For(IQueryable<CiamUser> users, UserQuery query, UserCursor? after, int take, bool listedOnly = false) =>
        query.Kind switch
    {
        UserQueryKind.All => Newest(users, after, take),
        UserQueryKind.Id => ById(users, Guid.Parse(query.Value)),
        UserQueryKind.Email => Branch(users, Email, UserHitBranch.Email, query.Value, exact: false, after, take),
        UserQueryKind.Phone => Branch(users, Phone, UserHitBranch.Phone, query.Value, exact: true, after, take),
        UserQueryKind.PhonePrefix => Branch(users, Phone, UserHitBranch.Phone, query.Value, exact: false, after, take),
        UserQueryKind.Name => Names(users, query.Value, after, take, listedOnly),
        _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };

    private static IQueryable<UserHit> ById(IQueryable<CiamUser> users, Guid id) =>
        users.Where(u => u.Id == id).Select(Project(u => null, UserHitBranch.None));

    /// <summary>Every user, newest first (ids are time-ordered version 7 UUIDs).</summary>
    private static IQueryable<UserHit> Newest(IQueryable<CiamUser> users, UserCursor? after, int take)
    {
        if (after is not null)
        {
            var id = after.Id;
            users = users.Where(u => u.Id.CompareTo(id) < 0);
        }

        return users.OrderByDescending(u => u.Id).Select(Project(u => null, UserHitBranch.None)).Take(take);
    }

    /// <summary>A name matches by "given family", by family name or by email: three index ranges merged into one
    /// (key, id) order (PostgreSQL: Merge Append), each read only as far as the page needs.</summary>
    private static IQueryable<UserHit> Names(IQueryable<CiamUser> users, string prefix, UserCursor? after, int take, bool listedOnly)
    {
        var name = Branch(users, Name, UserHitBranch.Name, prefix, exact: false, after, take,
            listedOnly ? [Unless(FamilyName, Name, prefix, orEqual: false), Unless(Email, Name, prefix, orEqual: false)] : []);
        var family = Branch(users, FamilyName, UserHitBranch.FamilyName, prefix, exact: false, after, take,
            listedOnly ? [Unless(Name, FamilyName, prefix, orEqual: true), Unless(Email, FamilyName, prefix, orEqual: false)] : []);
        var email = Branch(users, Email, UserHitBranch.Email, prefix, exact: false, after, take,
            listedOnly ? [Unless(Name, Email, prefix, orEqual: true), Unless(FamilyName, Email, prefix, orEqual: true)] : []);
        return name.Concat(family).Concat(email).OrderBy(h => h.Key).ThenBy(h => h.Id).Take(take);
    }

    /// <summary>SQL for <see cref="UserHit.IsWhereListed"/>: leaves out users whose <paramref name="other"/> key
    /// also matches and sorts before (or, for a branch preferred to this one, at) this branch's <paramref name="key"/>.</summary>
    private static Expression<Func<CiamUser, bool>> Unless(Expression<Func<CiamUser, string?>> other, Expression<Func<CiamUser, string?>> key,
        string prefix, bool orEqual)
    {
        Expression<Func<string?, string?, bool>> test = orEqual
            ? (o, k) => !(o != null && o.StartsWith(prefix) && string.Compare(o, k) <= 0)
            : (o, k) => !(o != null && o.StartsWith(prefix) && string.Compare(o, k) < 0);
        var user = other.Parameters[0];
        var body = ReplacingExpressionVisitor.Replace(test.Parameters[0], other.Body, test.Body);
        body = ReplacingExpressionVisitor.Replace(test.Parameters[1], ReplacingExpressionVisitor.Replace(key.Parameters[0], user, key.Body), body);
        return Expression.Lambda<Func<CiamUser, bool>>(body, user);
    }

    private static IQueryable<UserHit> Branch(IQueryable<CiamUser> users, Expression<Func<CiamUser, string?>> key, UserHitBranch branch,
        string value, bool exact, UserCursor? after, int take, params Expression<Func<CiamUser, bool>>[] filters)
    {
        users = users.Where(exact ? With(key, k => k == value) : With(key, k => k != null && k.StartsWith(value)));
        if (after?.Key is { } afterKey)
        {
            var afterId = after.Id;
            // The first condition is where the index range starts; the second skips the cursor's own key up to its id.
            users = users.Where(With(key, k => string.Compare(k, afterKey) >= 0))
                .Where(With(key, (u, k) => string.Compare(k, afterKey) > 0 || u.Id.CompareTo(afterId) > 0));
        }

        foreach (var filter in filters)
        {
            users = users.Where(filter);
        }

        return users.Select(Project(key, branch)).OrderBy(h => h.Key).ThenBy(h => h.Id).Take(take);
    }

    private static Expression<Func<CiamUser, UserHit>> Project(Expression<Func<CiamUser, string?>> key, UserHitBranch branch) =>
        With(key, (u, k) => new UserHit
        {
            Key = k, Branch = branch, Id = u.Id, Email = u.Email, EmailConfirmed = u.EmailConfirmed, PhoneNumber = u.PhoneNumber,
            GivenName = u.GivenName, FamilyName = u.FamilyName, Disabled = u.Disabled, LockoutEnd = u.LockoutEnd, CreatedAt = u.CreatedAt,
            NameKey = EF.Property<string?>(u, CiamUserSearchColumns.Name), FamilyNameKey = EF.Property<string?>(u, CiamUserSearchColumns.FamilyName),
            EmailKey = u.NormalizedEmail,
        });

    private static Expression<Func<CiamUser, T>> With<T>(Expression<Func<CiamUser, string?>> key, Expression<Func<string?, T>> body) =>
        Expression.Lambda<Func<CiamUser, T>>(ReplacingExpressionVisitor.Replace(body.Parameters[0], key.Body, body.Body), key.Parameters);

    private static Expression<Func<CiamUser, T>> With<T>(Expression<Func<CiamUser, string?>> key, Expression<Func<CiamUser, string?, T>> body)
    {
        var user = body.Parameters[0];
        var keyBody = ReplacingExpressionVisitor.Replace(key.Parameters[0], user, key.Body);
        return Expression.Lambda<Func<CiamUser, T>>(ReplacingExpressionVisitor.Replace(body.Parameters[1], keyBody, body.Body), user);
    }
}
