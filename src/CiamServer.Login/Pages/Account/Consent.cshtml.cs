using CiamServer.Core.Clients;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

/// <summary>Shows what a client asks for, in plain words, and posts the answer with the original request
/// back to the authorization endpoint (which validates everything again, antiforgery token included).</summary>
public sealed class ConsentModel(IClientCatalog clients) : PageModel
{
    public ClientSummary? Client { get; private set; }

    public IReadOnlyList<ScopeDescription> Scopes { get; private set; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public string AuthorizeUrl => Request.PathBase + "/connect/authorize";

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var clientId = Request.Query["client_id"].ToString();
        Client = clientId.Length is > 0 and <= 200 ? await clients.FindAsync(clientId, cancellationToken) : null;
        var scopes = Request.Query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Scopes = await clients.DescribeScopesAsync(scopes, cancellationToken);
        Parameters = ForwardedParameters.From(Request.Query);
    }
}
