using CiamServer.Import.Model;
using OpenIddict.Abstractions;

namespace CiamServer.Import;

/// <summary>API scopes and the audiences (resources) their access tokens are for.</summary>
internal sealed class ScopeImporter(IOpenIddictScopeManager scopes)
{
    public async Task<int> ApplyAsync(ApiScopeImport import, CancellationToken cancellationToken)
    {
        var desired = new OpenIddictScopeDescriptor
        {
            Name = import.Name,
            DisplayName = import.DisplayName,
            Description = import.Description,
        };
        desired.Resources.UnionWith(import.Audiences!);

        var existing = await scopes.FindByNameAsync(import.Name!, cancellationToken);
        if (existing is null)
        {
            await scopes.CreateAsync(desired, cancellationToken);
            return 1;
        }

        var current = new OpenIddictScopeDescriptor();
        await scopes.PopulateAsync(current, existing, cancellationToken);
        if (current.DisplayName == desired.DisplayName && current.Description == desired.Description
            && current.Resources.SetEquals(desired.Resources))
        {
            return 0;
        }

        await scopes.UpdateAsync(existing, desired, cancellationToken);
        return 1;
    }
}
