using CiamServer.Protocol.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CiamServer.Protocol;

public static class ProtocolEndpointRouteBuilderExtensions
{
    /// <summary>Maps the passthrough endpoints; discovery, JWKS, introspection and revocation are answered
    /// by OpenIddict itself. Paths are relative to the tenant's PathBase.</summary>
    public static IEndpointRouteBuilder MapCiamProtocol(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("connect/authorize", ["GET", "POST"], AuthorizeEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapPost("connect/token", TokenEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapMethods("connect/userinfo", ["GET", "POST"], UserInfoEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapMethods("connect/endsession", ["GET", "POST"], EndSessionEndpoint.HandleAsync).DisableAntiforgery();
        return endpoints;
    }
}
