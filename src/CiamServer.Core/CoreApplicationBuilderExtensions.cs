using CiamServer.Core.Infrastructure;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Builder;

namespace CiamServer.Core;

public static class CoreApplicationBuilderExtensions
{
    /// <summary>The request pipeline's front: 503 on backing-service failure, security headers, 303
    /// redirects, then tenant routing. Call before UseRouting and UseAuthentication.</summary>
    public static IApplicationBuilder UseCiamCore(this IApplicationBuilder app) =>
        app.UseMiddleware<ServiceUnavailableMiddleware>()
            .UseMiddleware<SecurityHeadersMiddleware>()
            .UseMiddleware<SeeOtherRedirectMiddleware>()
            .UseMiddleware<TenantRoutingMiddleware>();
}
