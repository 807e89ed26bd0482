using CiamServer.Core.Clients;
using CiamServer.Protocol.Issuance;
using OpenIddict.Abstractions;

namespace CiamServer.Protocol.Clients;

internal sealed class ClientCatalog(IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes) : IClientCatalog
{
    public async Task<ClientSummary?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var name = await applications.GetDisplayNameAsync(application, cancellationToken);
        return new ClientSummary(clientId, string.IsNullOrWhiteSpace(name) ? clientId : name);
    }

    public async Task<IReadOnlyList<ScopeDescription>> DescribeScopesAsync(IEnumerable<string> requested, CancellationToken cancellationToken)
    {
        var descriptions = new List<ScopeDescription>();
        foreach (var name in requested.Distinct(StringComparer.Ordinal))
        {
            if (StandardScopes.Descriptions.TryGetValue(name, out var standard))
            {
                descriptions.Add(new ScopeDescription(name, standard));
                continue;
            }

            var scope = await scopes.FindByNameAsync(name, cancellationToken);
            var text = scope is null ? null : await scopes.GetDescriptionAsync(scope, cancellationToken)
                ?? await scopes.GetDisplayNameAsync(scope, cancellationToken);
            descriptions.Add(new ScopeDescription(name, text ?? name));
        }

        return descriptions;
    }
}
