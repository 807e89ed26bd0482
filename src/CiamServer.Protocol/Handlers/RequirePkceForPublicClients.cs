using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CiamServer.Protocol.Handlers;

/// <summary>PKCE is required of every public client, whether or not its registration says so; confidential
/// clients may use it (OpenIddict then enforces the verifier at the token endpoint).</summary>
internal sealed class RequirePkceForPublicClients(IOpenIddictApplicationManager applications)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<RequirePkceForPublicClients>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateProofKeyForCodeExchangeRequirement.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (!string.IsNullOrEmpty(context.Request.CodeChallenge) || string.IsNullOrEmpty(context.ClientId))
        {
            return;
        }

        var application = await applications.FindByClientIdAsync(context.ClientId);
        if (application is not null && await applications.HasClientTypeAsync(application, ClientTypes.Public))
        {
            context.Reject(Errors.InvalidRequest, "The code_challenge parameter (PKCE with S256) is required for public clients.");
        }
    }
}
