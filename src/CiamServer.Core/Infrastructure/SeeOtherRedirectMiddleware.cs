using Microsoft.AspNetCore.Http;

namespace CiamServer.Core.Infrastructure;

/// <summary>Turns 302 into 303 (RFC 9700 4.12): after a POST of credentials, a 307 or an ambiguous 302
/// could make a browser re-post them to the client; 303 always becomes a GET.</summary>
internal sealed class SeeOtherRedirectMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // For responses that start while the pipeline still runs (a body was written)...
        context.Response.OnStarting(() =>
        {
            SeeOther(context.Response);
            return Task.CompletedTask;
        });
        await next(context);
        // ...and for the usual bodiless redirect, now, so request logging records the status really sent.
        if (!context.Response.HasStarted)
        {
            SeeOther(context.Response);
        }
    }

    private static void SeeOther(HttpResponse response)
    {
        if (response.StatusCode == StatusCodes.Status302Found)
        {
            response.StatusCode = StatusCodes.Status303SeeOther;
        }
    }
}
