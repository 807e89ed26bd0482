using CiamServer.Core.OpenIddict;
using CiamServer.Import.Model;
using OpenIddict.Abstractions;

namespace CiamServer.Import;

/// <summary>Clients: type, secret (stored hashed by OpenIddict), redirect URIs, and the permissions that
/// follow from their grant types and scopes (<see cref="ClientDescriptors"/>).</summary>
internal sealed class ClientImporter(IOpenIddictApplicationManager applications)
{
    public async Task<int> ApplyAsync(ClientImport import, CancellationToken cancellationToken) =>
        await ApplySettingsAsync(import, cancellationToken) + await ApplyBackchannelLogoutAsync(import, cancellationToken);

    /// <summary>Not part of OpenIddict's descriptor: kept on our application entity.</summary>
    private async Task<int> ApplyBackchannelLogoutAsync(ClientImport import, CancellationToken cancellationToken)
    {
        var application = (CiamApplication)(await applications.FindByClientIdAsync(import.ClientId!, cancellationToken))!;
        if (application.BackchannelLogoutUri == import.BackchannelLogoutUri)
        {
            return 0;
        }

        application.BackchannelLogoutUri = import.BackchannelLogoutUri;
        await applications.UpdateAsync(application, cancellationToken);
        return 1;
    }

    private async Task<int> ApplySettingsAsync(ClientImport import, CancellationToken cancellationToken)
    {
        var desired = ClientDescriptors.Describe(import);
        var existing = await applications.FindByClientIdAsync(import.ClientId!, cancellationToken);
        if (existing is null)
        {
            desired.ClientSecret = import.Secret;
            await applications.CreateAsync(desired, cancellationToken);
            return 1;
        }

        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing, cancellationToken);
        var secretMatches = import.Secret is null
            ? current.ClientSecret is null
            : current.ClientSecret is not null && await applications.ValidateClientSecretAsync(existing, import.Secret, cancellationToken);
        if (secretMatches && SameSettings(current, desired))
        {
            return 0;
        }

        // Keeping the stored hash leaves the secret as it is; a plain value is hashed by the manager.
        desired.ClientSecret = secretMatches ? current.ClientSecret : import.Secret;
        // Settings (per-client token lifetimes) are not in the import format: those set through the admin API stay.
        foreach (var (key, value) in current.Settings)
        {
            desired.Settings[key] = value;
        }

        await applications.UpdateAsync(existing, desired, cancellationToken);
        return 1;
    }

    private static bool SameSettings(OpenIddictApplicationDescriptor current, OpenIddictApplicationDescriptor desired) =>
        current.DisplayName == desired.DisplayName
        && current.ClientType == desired.ClientType
        && current.ConsentType == desired.ConsentType
        && current.RedirectUris.SetEquals(desired.RedirectUris)
        && current.PostLogoutRedirectUris.SetEquals(desired.PostLogoutRedirectUris)
        && current.Permissions.SetEquals(desired.Permissions)
        && current.Requirements.SetEquals(desired.Requirements);
}
