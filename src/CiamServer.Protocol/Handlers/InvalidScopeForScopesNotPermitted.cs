using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CiamServer.Protocol.Handlers;

/// <summary>A token request for a scope the client is not registered for is invalid_scope (RFC 6749 5.2: the
/// scope "exceeds the scope granted"). OpenIddict's own check, which runs right after this one, answers
/// invalid_request, which tells a client (a client_credentials job, typically) that its request is malformed
/// rather than that its registration lacks the scope. Same rule as OpenIddict's: the protocol scopes openid
/// and offline_access are checked elsewhere.</summary>
internal sealed class InvalidScopeForScopesNotPermitted(IOpenIddictApplicationManager applications)
    : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientIdParameter>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireScopePermissionsEnabled>()
            .UseScopedHandler<InvalidScopeForScopesNotPermitted>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateScopePermissions.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var application = await applications.FindByClientIdAsync(context.ClientId!, context.CancellationToken);
        if (application is null)
        {
            return;
        }

        foreach (var scope in context.Request.GetScopes())
        {
            if (scope is Scopes.OpenId or Scopes.OfflineAccess)
            {
                continue;
            }

            if (!await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope, context.CancellationToken))
            {
                context.Reject(Errors.InvalidScope, $"This client is not allowed to request the '{scope}' scope.");
                return;
            }
        }
    }
}
