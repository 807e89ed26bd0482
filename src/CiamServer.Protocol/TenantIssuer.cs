using Microsoft.AspNetCore.Http;

namespace CiamServer.Protocol;

/// <summary>The issuer OpenIddict derives for a request: origin plus the tenant's path base
/// (<c>https://id.example/t/acme</c>), the same string discovery advertises.</summary>
internal static class TenantIssuer
{
    public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
