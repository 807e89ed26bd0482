using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CiamServer.Protocol.Handlers;

/// <summary>Refuses an authorization request whose state or nonce is longer than 4096 characters. Both come
/// back to the client (state in the redirect, nonce in the ID token, both stored with the code), so a 100 KB
/// state posted to the endpoint became a 100 KB Location header that clients and proxies cannot read, and a
/// nonce of that size was stored and signed. A GET cannot carry that much (Kestrel's 8 KB request line); a
/// POST can. 4096 is what the consent and sign-out pages forward (ForwardedParameters), so every accepted
/// value also survives those pages.</summary>
internal sealed class LimitEchoedParameterLength : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public const int MaxLength = 4096;

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseSingletonHandler<LimitEchoedParameterLength>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateRequestParameter.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        foreach (var (name, value) in new[] { (Parameters.State, context.Request.State), (Parameters.Nonce, context.Request.Nonce) })
        {
            if (value is { Length: > MaxLength })
            {
                context.Reject(Errors.InvalidRequest, $"The '{name}' parameter must not be longer than {MaxLength} characters.");
                break;
            }
        }

        return ValueTask.CompletedTask;
    }
}
