using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CiamServer.Benchmarks.Users;

/// <summary>Prints PostgreSQL's EXPLAIN (ANALYZE, BUFFERS) of the exact SQL (and parameters) each benchmarked search
/// sends, so the plans can be checked: every shape should read an index range, never the table.
/// <c>dotnet run -c Release --project tests/CiamServer.Benchmarks -- explain-users</c></summary>
internal static class UserSearchExplain
{
    public static async Task RunAsync()
    {
        var tenant = await UserSearchDatabase.EnsureAsync();
        Console.WriteLine("Seed: " + await UserSearchDatabase.SeedReportAsync());
        var plans = new ExplainInterceptor();
        await using var db = UserSearchDatabase.Context(tenant, plans);
        var directory = UserSearchBenchmarks.Directory(db);
        plans.Enabled = false;
        var samples = await UserSearchSamples.FindAsync(directory, db);
        var searches = new (string Name, string? Q, string? Cursor)[]
        {
            ("All users, first page", null, null),
            ("All users, page after 500,000", null, samples.AllCursorAt500k),
            ("Email prefix " + samples.EmailPrefix, samples.EmailPrefix, null),
            ("Name search 'maria.garcia' (email branch)", "maria.garcia", null),
            ("Name prefix 'Mar'", "Mar", null),
            ("Name prefix 'Mar', page after 20,000", "Mar", samples.NameCursorAt20k),
            ("Given + family 'Maria Garc'", "Maria Garc", null),
            ("Family name 'Gonzalez'", "Gonzalez", null),
            ("Phone " + samples.Phone, samples.Phone, null),
            ("Phone prefix '+1415'", "+1415", null),
            ("Id", samples.Id, null),
        };
        foreach (var (name, q, cursor) in searches)
        {
            plans.Enabled = true;
            var result = await directory.SearchAsync(q, 50, cursor, CancellationToken.None);
            plans.Enabled = false;
            Console.WriteLine($"==== {name}: {result.Page!.Items.Count} rows, next page: {result.Page.NextCursor is not null}");
            Console.WriteLine(plans.Last);
        }
    }

    private sealed class ExplainInterceptor : DbCommandInterceptor
    {
        public bool Enabled { get; set; }

        public string Last { get; private set; } = string.Empty;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Enabled)
            {
                await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText, (NpgsqlConnection)command.Connection!);
                foreach (NpgsqlParameter parameter in command.Parameters)
                {
                    explain.Parameters.Add(parameter.Clone());
                }

                var text = new StringBuilder(command.CommandText).AppendLine().AppendLine(string.Join(", ",
                    command.Parameters.Cast<NpgsqlParameter>().Select(p => $"{p.ParameterName}={p.Value}")));
                await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    text.AppendLine(reader.GetString(0));
                }

                Last = text.ToString();
            }

            return result;
        }
    }
}
