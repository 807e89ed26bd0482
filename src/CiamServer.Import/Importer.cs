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

    private async Task<ImportResult> ApplyAsync(List<(string File, ImportDocument Document)> documents, CancellationToken cancellationToken)
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
                    count += await tenantImporter.ApplyAsync(file, $"$.tenants[{t}]", document.Tenants[t], cancellationToken);
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
