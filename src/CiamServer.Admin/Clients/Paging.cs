using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CiamServer.Admin.Clients;

/// <summary>One page of a list: its items and the opaque cursor of the next page (null on the last one).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Keyset paging (<c>?limit=</c>, default 50, at most 200; <c>?cursor=</c> from the previous page). The
/// cursor is the last key of the previous page, base64url-encoded: opaque to callers, never an offset.</summary>
public readonly record struct PageRequest(int Limit, string? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static Outcome<PageRequest> Parse(int? limit, string? cursor)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}.");
        }

        string? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            try
            {
                after = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            }
            catch (FormatException)
            {
                errors.Add("cursor", "is not a cursor this list returned.");
            }
        }

        return errors.Any ? Outcome<PageRequest>.Invalid(errors.ToDictionary()) : Outcome<PageRequest>.Done(new PageRequest(limit ?? DefaultLimit, after));
    }

    /// <summary>Takes <see cref="Limit"/> items of the <c>Limit + 1</c> fetched; a next cursor when there were more.</summary>
    public Page<TOut> Complete<TIn, TOut>(IReadOnlyList<TIn> fetched, Func<TIn, string> key, Func<TIn, TOut> map)
    {
        var items = fetched.Take(Limit).ToList();
        var next = fetched.Count > Limit ? WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(key(items[^1]))) : null;
        return new Page<TOut>(items.Select(map).ToList(), next);
    }
}
