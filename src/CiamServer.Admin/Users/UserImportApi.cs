using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace CiamServer.Admin.Users;

/// <summary>Bulk user import: <c>POST users/import</c> checks the whole file and queues it (202 with the job), and
/// <c>GET users/import/{jobId}</c> reports the job's progress.</summary>
internal static class UserImportApi
{
    public static void MapUserImportApi(this RouteGroupBuilder users)
    {
        users.MapPost("import", StartAsync)
            .Accepts<string>("text/csv", "application/json")
            .WithSummary("Import users from a CSV or JSON file")
            .WithDescription("The body is the file: text/csv with the header email,phone,givenName,familyName,emailVerified,roles (roles " +
                "separated by ';'), or application/json with an array of objects of the same fields (roles an array). At most 10 MB and " +
                "100,000 users. Every row is checked first: any problem answers 400 with the problems by row (rows[n].field, n counting users " +
                "from 1) and nothing is written. Otherwise the import runs in the background: 202 with the job, whose progress " +
                "GET users/import/{jobId} reports. Rows whose email address or phone number already has an account are skipped and " +
                "listed. Passwords are not imported: invite the users. Audited once, when it ends, as admin.users.imported with the counts.");
        users.MapGet("import/{jobId:guid}", StatusAsync)
            .WithSummary("Progress of a user import")
            .WithDescription("Status (queued, running, completed, failed), rows processed of the total, users created and rows skipped " +
                "(the first 1,000 with their row number and reason), and the error that stopped a failed job.");
    }

    private static async Task<Results<Accepted<UserImportJobView>, ValidationProblem, ProblemHttpResult>> StartAsync(HttpRequest request,
        UserImportJobs jobs, CancellationToken cancellationToken)
    {
        var format = FormatOf(request.ContentType);
        if (format is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file type",
                detail: "Send the file as text/csv or application/json.");
        }

        var text = await ReadAsync(request, cancellationToken);
        if (text is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
                detail: $"Import at most {UserImportFile.MaxBytes / 1024 / 1024} MB at once.");
        }

        var (job, problems) = await jobs.StartAsync(format, text, cancellationToken);
        return job is null
            ? TypedResults.ValidationProblem(problems, title: "The file has problems; nothing was imported.")
            : TypedResults.Accepted($"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/{job.Id}", job);
    }

    private static async Task<Results<Ok<UserImportJobView>, NotFound>> StatusAsync(Guid jobId, UserImportJobs jobs, CancellationToken cancellationToken) =>
        await jobs.FindAsync(jobId, cancellationToken) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    internal static string? FormatOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
            ? type.MediaType.Value?.ToUpperInvariant() switch
            {
                "TEXT/CSV" => "csv",
                "APPLICATION/JSON" => "json",
                _ => null,
            }
            : null;

    /// <summary>The body as text (UTF-8), or null when it is larger than the limit.</summary>
    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > UserImportFile.MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > UserImportFile.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
