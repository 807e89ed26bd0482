using CiamServer.Admin.Clients;
using CiamServer.Admin.Console;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Clients;

/// <summary>The tenant's clients, a page at a time.</summary>
public sealed class IndexModel(ClientAdmin clients) : TenantConsolePageModel
{
    public IReadOnlyList<ClientResource> Clients { get; private set; } = [];

    [FromQuery]
    public string? Cursor { get; set; }

    public string? NextCursor { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await clients.ListAsync(PageRequest.DefaultLimit, Cursor, cancellationToken);
        if (!page.Succeeded)
        {
            Error = "That page link is not valid any more; showing the first page.";
            page = await clients.ListAsync(PageRequest.DefaultLimit, null, cancellationToken);
            Cursor = null;
        }

        Clients = page.Value!.Items;
        NextCursor = page.Value.NextCursor;
    }
}
