using CiamServer.Admin.Users;
using CiamServer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Benchmarks.Users;

/// <summary>Search inputs taken from the seeded data: a real email prefix, phone and id, and cursors deep into the
/// results (the cursor of the page that ends at the 500,000th newest user, found by SQL; the name search's by paging).</summary>
internal sealed record UserSearchSamples(string EmailPrefix, string Phone, string Id, string AllCursorAt500k, string NameCursorAt20k)
{
    public static async Task<UserSearchSamples> FindAsync(UserDirectory directory, CiamDbContext db)
    {
        var middle = await db.Users.AsNoTracking().OrderByDescending(u => u.Id).Skip(Math.Min(500_000, UserSearchDatabase.UserCount / 2) - 1)
            .Select(u => new { u.Id, u.Email }).FirstAsync();
        var phone = await db.Users.AsNoTracking().Where(u => u.Id.CompareTo(middle.Id) <= 0 && u.PhoneNumber != null).OrderByDescending(u => u.Id)
            .Select(u => u.PhoneNumber!).FirstAsync();
        var all = new UserCursor(null, middle.Id, UserQuery.All.Fingerprint()).Encode();
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            cursor = (await directory.SearchAsync("Mar", 200, cursor, CancellationToken.None)).Page!.NextCursor;
        }

        // "(415) 555-0123": the way an admin would type it, read as a US number.
        var typed = $"({phone[2..5]}) {phone[5..8]}-{phone[8..]}";
        var email = middle.Email![..(middle.Email!.IndexOf('@', StringComparison.Ordinal) + 4)];
        return new UserSearchSamples(email, typed, middle.Id.ToString(), all, cursor!);
    }
}
