using CiamServer.Admin.Console;
using CiamServer.Admin.Users;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Users;

/// <summary>Search the tenant's users, 50 a page, through the same service as the API (GET only: the search box is a
/// GET form, so a search and its pages have their own links).</summary>
public sealed class IndexModel(UserDirectory directory) : TenantConsolePageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public UserPage? Results { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await directory.SearchAsync(Q, PageSize, Cursor, cancellationToken);
        Results = result.Page;
        Errors = result.Errors ?? Errors;
    }

    public string PageLink(string? cursor)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            query.Add("q=" + Uri.EscapeDataString(Q));
        }

        if (cursor is not null)
        {
            query.Add("cursor=" + Uri.EscapeDataString(cursor));
        }

        return TenantPath("users") + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
    }

    public static string StatusOf(UserSummary user) => string.Join(", ", new[]
    {
        user.Disabled ? "Disabled" : null,
        user.LockedOut ? "Locked out" : null,
        user.Email is not null && !user.EmailVerified ? "Email not verified" : null,
    }.Where(s => s is not null)) is { Length: > 0 } status ? status : "Active";
}
