using Microsoft.AspNetCore.Http;

namespace CiamServer.Core.Infrastructure;

/// <summary>Turns 302 into 303 (RFC 9700 4.12): after a POST of credentials, a 307 or an ambiguous 302
/// could make a browser re-post them to the client; 303 always becomes a GET.</summary>
internal sealed class SeeOtherRedirectMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status302Found)
            {
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
