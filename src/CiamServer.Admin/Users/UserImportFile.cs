using System.Text;
using System.Text.Json;

namespace CiamServer.Admin.Users;

/// <summary>Reads and checks an import file, all of it before anything is written: CSV with the header
/// <c>email,phone,givenName,familyName,emailVerified,roles</c> (roles separated by ';') or a JSON array of objects
/// with the same fields (roles an array). Rows are numbered from 1 (the first user; in a CSV file, line 2).</summary>
internal static class UserImportFile
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 100_000;

    /// <summary>Problems beyond this many are counted, not listed.</summary>
    public const int MaxReportedProblems = 1000;

    public static readonly string[] Columns = ["email", "phone", "givenName", "familyName", "emailVerified", "roles"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The rows in file order when every one is valid; else the problems (key "rows[n].field" or "file").</summary>
    public static (List<UserImportRow> Rows, Dictionary<string, string[]> Problems) Read(string format, string text, IReadOnlySet<string> tenantRoles,
        string phoneRegion)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        List<RawRow>? raw;
        try
        {
            raw = format == "csv" ? ReadCsv(text, problems) : ReadJson(text, problems);
        }
        catch (JsonException e)
        {
            problems["file"] = [$"The file is not a JSON array of users: {e.Message}"];
            raw = null;
        }

        if (raw is null || problems.Count > 0)
        {
            return ([], problems);
        }

        if (raw.Count == 0 || raw.Count > MaxRows)
        {
            problems["file"] = [raw.Count == 0 ? "The file holds no users." : $"The file holds {raw.Count} users; at most {MaxRows} are imported at once."];
            return ([], problems);
        }

        var rows = new List<UserImportRow>(raw.Count);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var unlisted = new HashSet<int>();
        void Problem(int row, string field, string message)
        {
            var key = $"rows[{row}].{field}";
            if (problems.Count >= MaxReportedProblems && !problems.ContainsKey(key))
            {
                unlisted.Add(row);
                return;
            }

            problems[key] = problems.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
        }

        foreach (var (row, number) in raw.Select((r, i) => (r, i + 1)))
        {
            if (row.Problem is not null)
            {
                Problem(number, row.ProblemField ?? "row", row.Problem);
                continue;
            }

            var errors = UserActionsRules.Check(row.Email, row.Phone, row.GivenName, row.FamilyName, row.Roles, phoneRegion, out var fields);
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    Problem(number, field, message);
                }
            }

            foreach (var role in fields.Roles.Where(r => !tenantRoles.Contains(r)))
            {
                Problem(number, "roles", $"'{role}' is not one of the tenant's roles.");
            }

            foreach (var (field, value) in new[] { ("email", fields.Email), ("phone", fields.Phone) })
            {
                if (value is not null && !errors.ContainsKey(field) && !seen.TryAdd(value, number))
                {
                    Problem(number, field, $"Row {seen[value]} has the same {field}.");
                }
            }

            rows.Add(new UserImportRow(number, fields.Email, fields.Phone, fields.GivenName, fields.FamilyName, row.EmailVerified && fields.Email is not null,
                [.. fields.Roles]));
        }

        if (unlisted.Count > 0)
        {
            problems["file"] = [$"Problems of {unlisted.Count} more rows are not listed."];
        }

        return (problems.Count == 0 ? rows : [], problems);
    }

    private static List<RawRow>? ReadJson(string text, Dictionary<string, string[]> problems)
    {
        var items = JsonSerializer.Deserialize<List<JsonRow?>>(text, Json);
        if (items is null)
        {
            problems["file"] = ["The file is not a JSON array of users."];
            return null;
        }

        return [.. items.Select(item => item is null
            ? new RawRow(null, null, null, null, false, null, "Each user is a JSON object.")
            : new RawRow(item.Email, item.Phone, item.GivenName, item.FamilyName, item.EmailVerified ?? false, item.Roles))];
    }

    private static List<RawRow>? ReadCsv(string text, Dictionary<string, string[]> problems)
    {
        var records = Csv.Parse(text);
        if (records.Count == 0)
        {
            problems["file"] = ["The file is empty: the first line names the columns (" + string.Join(',', Columns) + ")."];
            return null;
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0 || !header.Any(h => h.Equals("email", StringComparison.OrdinalIgnoreCase) || h.Equals("phone", StringComparison.OrdinalIgnoreCase))
            || header.Distinct(StringComparer.OrdinalIgnoreCase).Count() != header.Count)
        {
            problems["file"] = [$"The first line names the columns, each at most once, among {string.Join(',', Columns)}, with email or phone" +
                (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}." : ".")];
            return null;
        }

        int At(string column) => header.FindIndex(h => h.Equals(column, StringComparison.OrdinalIgnoreCase));
        var (email, phone, given, family, verified, roles) = (At("email"), At("phone"), At("givenName"), At("familyName"), At("emailVerified"), At("roles"));
        var rows = new List<RawRow>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            string? Cell(int index) => index >= 0 && index < record.Count && record[index].Trim() is { Length: > 0 } value ? value : null;
            if (record.Count != header.Count)
            {
                rows.Add(new RawRow(null, null, null, null, false, null, $"Has {record.Count} values for {header.Count} columns."));
                continue;
            }

            var flag = Cell(verified)?.ToUpperInvariant();
            rows.Add(flag is null or "TRUE" or "FALSE" or "1" or "0" or "YES" or "NO"
                ? new RawRow(Cell(email), Cell(phone), Cell(given), Cell(family), flag is "TRUE" or "1" or "YES",
                    Cell(roles)?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                : new RawRow(null, null, null, null, false, null, "Write true or false (or leave it empty).", "emailVerified"));
        }

        return rows;
    }

    private sealed record RawRow(string? Email, string? Phone, string? GivenName, string? FamilyName, bool EmailVerified, IReadOnlyList<string>? Roles,
        string? Problem = null, string? ProblemField = null);

    private sealed record JsonRow(string? Email, string? Phone, string? GivenName, string? FamilyName, bool? EmailVerified, List<string>? Roles);

    /// <summary>RFC 4180: fields separated by commas, optionally in double quotes (which may hold commas, line breaks
    /// and doubled quotes); lines end with CRLF or LF; empty lines are skipped.</summary>
    internal static class Csv
    {
        public static List<List<string>> Parse(string text)
        {
            var records = new List<List<string>>();
            var record = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var wasQuoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0 && !wasQuoted)
                {
                    quoted = wasQuoted = true;
                }
                else if (c == ',')
                {
                    record.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                }
                else if (c is '\r' or '\n')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    End();
                }
                else if (c != '\uFEFF' || i != 0)
                {
                    field.Append(c);
                }
            }

            End();
            return records;

            void End()
            {
                record.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
                if (record.Count > 1 || record[0].Length > 0)
                {
                    records.Add(record);
                }

                record = [];
            }
        }
    }
}

/// <summary>One valid row of an import, as the job stores it: fields normalised, its number in the file.</summary>
internal sealed record UserImportRow(int Row, string? Email, string? Phone, string? GivenName, string? FamilyName, bool EmailVerified,
    IReadOnlyList<string> Roles);
