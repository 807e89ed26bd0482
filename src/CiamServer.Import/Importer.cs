using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Import.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Import;

/// <summary>Imports a folder of JSON files: all are read and checked first, then applied in one
/// transaction, so a refused import writes nothing.</summary>
public sealed class Importer(IServiceScopeFactory scopes, ITenantDirectory directory)
{
    public async Task<ImportResult> ImportFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var (documents, problems) = ImportFileReader.ReadFolder(folder);
        problems.AddRange(ImportValidator.Validate(documents));
        if (problems.Count > 0)
        {
            throw new ImportException(problems);
        }

        return await ApplyAsync(documents, cancellationToken);
    }

    /// <summary>Reads and checks one uploaded document without writing anything: the document, or the problems
    /// (each with <paramref name="name"/> as its file and a JSON path).</summary>
    public static async Task<(ImportDocument? Document, IReadOnlyList<ImportProblem> Problems)> ReadAndValidateAsync(
        string name, Stream json, CancellationToken cancellationToken)
    {
        var (document, problems) = await ImportFileReader.ReadAsync(name, json, cancellationToken);
        if (document is not null)
        {
            problems.AddRange(ImportValidator.Validate([(name, document)]));
        }

        return (problems.Count == 0 ? document : null, problems);
    }

    /// <summary>How many objects (tenants, API scopes, roles, clients, users) applying the document goes through.</summary>
    public static int CountObjects(ImportDocument document) => (document.Tenants ?? []).Sum(TenantImporter.CountObjects);

    /// <summary>Applies a document that <see cref="ReadAndValidateAsync"/> accepted, in one transaction;
    /// <paramref name="processed"/> is called once per object done (see <see cref="CountObjects"/>).</summary>
    public Task<ImportResult> ImportDocumentAsync(string name, ImportDocument document, Action? processed, CancellationToken cancellationToken)
    {
        var problems = ImportValidator.Validate([(name, document)]);
        return problems.Count > 0 ? throw new ImportException(problems) : ApplyAsync([(name, document)], cancellationToken, processed);
    }

    private async Task<ImportResult> ApplyAsync(List<(string File, ImportDocument Document)> documents, CancellationToken cancellationToken,
        Action? processed = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var tenantImporter = scope.ServiceProvider.GetRequiredService<TenantImporter>();
        var strategy = db.Database.CreateExecutionStrategy();
        var changes = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var count = 0;
            foreach (var (file, document) in documents)
            {
                for (var t = 0; t < document.Tenants!.Count; t++)
                {
                    count += await tenantImporter.ApplyAsync(file, $"$.tenants[{t}]", document.Tenants[t], cancellationToken, processed);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return count;
        });

        var tenants = documents.SelectMany(d => d.Document.Tenants!).ToList();
        tenants.ForEach(t => directory.Invalidate(t.Slug!));
        return new ImportResult(documents.Select(d => d.File).ToList(), tenants, changes);
    }
}

/// <summary>What an import did: the files read, the tenants they describe, and how many rows changed (0 on a re-run).</summary>
public sealed record ImportResult(IReadOnlyList<string> Files, IReadOnlyList<TenantImport> Tenants, int Changes);
