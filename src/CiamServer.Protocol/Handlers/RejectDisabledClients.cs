using CiamServer.Core.OpenIddict;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CiamServer.Protocol.Handlers;

/// <summary>A client an administrator disabled gets no authorization code and no token: authorization requests
/// are refused with unauthorized_client, token and introspection requests with invalid_client (refresh tokens it
/// already holds stop working with it). Runs once OpenIddict has found the client and checked its secret, so a
/// caller without the secret learns nothing new.</summary>
internal sealed class RejectDisabledClients(IOpenIddictApplicationManager applications)
    : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<RejectDisabledClients>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientSecret.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (string.IsNullOrEmpty(context.ClientId) || context.EndpointType is not (OpenIddictServerEndpointType.Authorization
            or OpenIddictServerEndpointType.Token or OpenIddictServerEndpointType.Introspection))
        {
            return;
        }

        if (await applications.FindByClientIdAsync(context.ClientId, context.CancellationToken) is CiamApplication { Disabled: true })
        {
            context.Reject(
                context.EndpointType is OpenIddictServerEndpointType.Authorization ? Errors.UnauthorizedClient : Errors.InvalidClient,
                "This client is disabled.");
        }
    }
}
