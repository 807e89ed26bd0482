using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CiamServer.Protocol.Handlers;

/// <summary>Refuses an authorization request that repeats a parameter (RFC 6749 3.1: "parameters MUST NOT be
/// included more than once"). OpenIddict reads a repeated parameter as absent, so a request with two states,
/// nonces or prompts was answered with a code carrying none: the client lost its CSRF and replay checks,
/// and prompt=login or max_age were silently dropped. Runs first, so the refusal is the error page.</summary>
internal sealed class RejectDuplicateParameters : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    /// <summary>The parameters a request may repeat: resource indicators (RFC 8707) and audiences.</summary>
    private static readonly HashSet<string> MayRepeat = new(StringComparer.Ordinal) { Parameters.Resource, Parameters.Audience };

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseSingletonHandler<RejectDuplicateParameters>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateRequestParameter.Descriptor.Order - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        foreach (var (name, value) in context.Request.GetParameters())
        {
            if (value.Count > 1 && !MayRepeat.Contains(name))
            {
                context.Reject(Errors.InvalidRequest, $"The '{name}' parameter must not be repeated.");
                break;
            }
        }

        return ValueTask.CompletedTask;
    }
}
