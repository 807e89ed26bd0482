using CiamServer.Admin.Access;
using CiamServer.Admin.Console;
using CiamServer.Admin.Keys;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Keys;

/// <summary>The server's signing and encryption keys: list, rotate; retiring goes through <see cref="RetireModel"/>.</summary>
[SuperAdminOnly]
public sealed class IndexModel(KeyAdmin keys) : ConsolePageModel
{
    public KeyPage Keys { get; private set; } = new([], null);

    public async Task OnGetAsync(string? cursor, CancellationToken cancellationToken) =>
        Keys = await keys.ListAsync(KeyAdmin.DefaultPageSize, cursor, cancellationToken)
            ?? (await keys.ListAsync(KeyAdmin.DefaultPageSize, null, cancellationToken))!;

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken cancellationToken)
    {
        var created = await keys.RotateAsync(cancellationToken);
        StatusMessage = $"New keys {string.Join(", ", created.Select(k => k.Kid))} are published; they sign from {created[0].ActivatesAt:yyyy-MM-dd HH:mm} UTC.";
        return RedirectToPage();
    }
}
