namespace CiamServer.Core.Clients;

/// <summary>What the hosted pages need to know of clients and scopes (the consent page, mainly).</summary>
public interface IClientCatalog
{
    Task<ClientSummary?> FindAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Plain-words descriptions of scopes, for people deciding whether to consent.</summary>
    Task<IReadOnlyList<ScopeDescription>> DescribeScopesAsync(IEnumerable<string> scopes, CancellationToken cancellationToken);
}

public sealed record ClientSummary(string ClientId, string DisplayName);

public sealed record ScopeDescription(string Name, string Description);
