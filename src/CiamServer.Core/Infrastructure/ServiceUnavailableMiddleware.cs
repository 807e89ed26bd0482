using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CiamServer.Core.Infrastructure;

/// <summary>When PostgreSQL or Redis fails mid-request, answers 503 with Retry-After instead of a 500 or,
/// worse, a protocol error (invalid_grant, active:false) that would make a client throw its tokens away.</summary>
internal sealed partial class ServiceUnavailableMiddleware(RequestDelegate next, ILogger<ServiceUnavailableMiddleware> logger)
{
    internal const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (InfrastructureFailure.Is(exception) && !context.Response.HasStarted)
        {
            LogUnavailable(logger, exception, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            if (WantsHtml(context.Request))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(UnavailablePage);
            }
            else
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(
                    """{"error":"temporarily_unavailable","error_description":"The service is temporarily unavailable. Retry later."}""");
            }
        }
    }

    private static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private const string UnavailablePage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Temporarily unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
        <h1>We'll be right back</h1><p>The service is temporarily unavailable. Please try again in a few seconds.</p></body></html>
        """;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A backing service failed while serving {Path}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, PathString path);
}
