using System.Text;
using System.Text.RegularExpressions;
using CiamServer.Admin.Console;
using CiamServer.Admin.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant.Users;

/// <summary>Uploads an import file: checked in full by <see cref="UserImportJobs"/> (problems listed by row, nothing
/// written), or queued and followed on its progress page.</summary>
public sealed partial class UserImportModel(UserImportJobs jobs) : TenantConsolePageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>("Row 3, email", message) for each problem of the last upload.</summary>
    public IReadOnlyList<(string Where, string Message)> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var format = Upload is null ? null : FormatOf(Upload);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a file to import.");
        }
        else if (format is null)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a .csv or .json file.");
        }
        else if (Upload.Length > UserImportFile.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"Import at most {UserImportFile.MaxBytes / 1024 / 1024} MB at once.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        string text;
        using (var reader = new StreamReader(Upload!.OpenReadStream(), Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        var (job, problems) = await jobs.StartAsync(format!, text, cancellationToken);
        if (job is null)
        {
            Problems = [.. problems.SelectMany(p => p.Value.Select(message => (Describe(p.Key), message)))];
            ModelState.AddModelError(string.Empty, "The file has problems; nothing was imported.");
            return Page();
        }

        return Redirect(TenantPath($"users/import/{job.Id}"));
    }

    private static string? FormatOf(IFormFile file) =>
        Path.GetExtension(file.FileName).ToUpperInvariant() switch
        {
            ".CSV" => "csv",
            ".JSON" => "json",
            _ => UserImportApi.FormatOf(file.ContentType),
        };

    /// <summary>"rows[3].email" as "Row 3, email"; "file" as "File".</summary>
    private static string Describe(string key) =>
        RowKey().Match(key) is { Success: true } match ? $"Row {match.Groups[1].Value}, {match.Groups[2].Value}" : "File";

    [GeneratedRegex(@"^rows\[(\d+)\]\.(\w+)$")]
    private static partial Regex RowKey();
}
