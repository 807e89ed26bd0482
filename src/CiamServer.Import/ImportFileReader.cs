using System.Text.Json;
using CiamServer.Import.Model;

namespace CiamServer.Import;

/// <summary>Reads the import folder's files; malformed JSON is reported with its line and position.</summary>
internal static class ImportFileReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static (List<(string File, ImportDocument Document)> Documents, List<ImportProblem> Problems) ReadFolder(string folder)
    {
        var documents = new List<(string, ImportDocument)>();
        var problems = new List<ImportProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new ImportProblem(folder, "$", "the import folder does not exist."));
            return (documents, problems);
        }

        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            try
            {
                var document = JsonSerializer.Deserialize<ImportDocument>(File.ReadAllText(path), Json);
                if (document is null)
                {
                    problems.Add(new ImportProblem(name, "$", "the file holds no JSON object."));
                    continue;
                }

                documents.Add((name, document));
            }
            catch (JsonException exception)
            {
                problems.Add(new ImportProblem(name, exception.Path ?? "$",
                    $"not valid for the import format (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}): {FirstSentence(exception.Message)}"));
            }
        }

        return (documents, problems);
    }

    /// <summary>Reads one document (an upload): the same rules as a file of the import folder.</summary>
    public static async Task<(ImportDocument? Document, List<ImportProblem> Problems)> ReadAsync(string name, Stream json, CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonSerializer.DeserializeAsync<ImportDocument>(json, Json, cancellationToken);
            return document is null
                ? (null, [new ImportProblem(name, "$", "the file holds no JSON object.")])
                : (document, []);
        }
        catch (JsonException exception)
        {
            return (null, [new ImportProblem(name, exception.Path ?? "$",
                $"not valid for the import format (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}): {FirstSentence(exception.Message)}")]);
        }
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.') + ".";
}
