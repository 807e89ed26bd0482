using System.Text.Json;
using CiamServer.Admin.Clients;
using CiamServer.Core.Data;
using CiamServer.Core.OpenIddict;
using CiamServer.Import;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Admin.ApiScopes;

/// <summary>The API scopes of the current tenant (OpenIddict scopes with their resources), with the import's
/// rules (<see cref="ApiScopeRules"/>). The standard OIDC scopes are built in and cannot be created, changed or
/// deleted. A scope still granted to a client cannot be deleted: the answer names those clients.</summary>
public sealed class ScopeAdmin(CiamDbContext db, IOpenIddictScopeManager scopes, AdminAudit audit)
{
    private const int MaxDisplayNameLength = 200;
    private const int MaxDescriptionLength = 1000;

    public async Task<Outcome<Page<ScopeResource>>> ListAsync(int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var request = PageRequest.Parse(limit, cursor);
        if (!request.Succeeded)
        {
            return request.Refusal<Page<ScopeResource>>();
        }

        var page = request.Value;
        var query = db.Set<CiamScope>().AsNoTracking();
        if (page.After is { } after)
        {
            query = query.Where(s => string.Compare(s.Name, after) > 0);
        }

        var fetched = await query.OrderBy(s => s.Name).Take(page.Limit + 1).ToListAsync(cancellationToken);
        var resources = new List<ScopeResource>(fetched.Count);
        foreach (var scope in fetched)
        {
            resources.Add(await ToResourceAsync(scope, cancellationToken));
        }

        return Outcome<Page<ScopeResource>>.Done(page.Complete(resources, r => r.Name, r => r));
    }

    public async Task<ScopeResource?> GetAsync(string name, CancellationToken cancellationToken) =>
        await scopes.FindByNameAsync(name, cancellationToken) is { } scope ? await ToResourceAsync(scope, cancellationToken) : null;

    public async Task<Outcome<ScopeResource>> CreateAsync(ScopeCreateInput input, CancellationToken cancellationToken)
    {
        var errors = Check(input);
        if (ApiScopeRules.NameProblem(input.Name) is { } nameProblem)
        {
            errors.Add("name", nameProblem);
        }
        else if (ApiScopeRules.IsStandard(input.Name!))
        {
            errors.Add("name", $"'{input.Name}' is a standard OIDC scope, which every tenant has.");
        }

        if (errors.Any)
        {
            return Outcome<ScopeResource>.Invalid(errors.ToDictionary());
        }

        if (await scopes.FindByNameAsync(input.Name!, cancellationToken) is not null)
        {
            return Outcome<ScopeResource>.InConflict($"A scope '{input.Name}' already exists in this tenant.");
        }

        var descriptor = Describe(input.Name!, input);
        try
        {
            await scopes.CreateAsync(descriptor, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<ScopeResource>.InConflict($"A scope '{input.Name}' already exists in this tenant.");
        }

        var created = (await GetAsync(input.Name!, cancellationToken))!;
        await audit.WriteAsync("admin.scopes.created", "scope", created.Name, AdminAudit.Change(null, created), cancellationToken);
        return Outcome<ScopeResource>.Done(created);
    }

    public async Task<Outcome<ScopeResource>> UpdateAsync(string name, ScopeSettingsInput input, CancellationToken cancellationToken)
    {
        if (ApiScopeRules.IsStandard(name))
        {
            return Outcome<ScopeResource>.Invalid("name", $"'{name}' is a standard OIDC scope and cannot be changed.");
        }

        if (await scopes.FindByNameAsync(name, cancellationToken) is not { } scope)
        {
            return Outcome<ScopeResource>.Missing();
        }

        var errors = Check(input);
        if (errors.Any)
        {
            return Outcome<ScopeResource>.Invalid(errors.ToDictionary());
        }

        var before = await ToResourceAsync(scope, cancellationToken);
        var current = new OpenIddictScopeDescriptor();
        await scopes.PopulateAsync(current, scope, cancellationToken);
        var desired = Describe(name, input);
        current.DisplayName = desired.DisplayName;
        current.Description = desired.Description;
        current.Resources.Clear();
        current.Resources.UnionWith(desired.Resources);
        await scopes.UpdateAsync(scope, current, cancellationToken);

        var after = await ToResourceAsync(scope, cancellationToken);
        await audit.WriteAsync("admin.scopes.updated", "scope", name, AdminAudit.Change(before, after), cancellationToken);
        return Outcome<ScopeResource>.Done(after);
    }

    /// <summary>Refused (409, naming the clients) while a client of the tenant is still allowed the scope: take it
    /// off those clients first, so no client is left asking for a scope that no longer exists.</summary>
    public async Task<Outcome<bool>> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (ApiScopeRules.IsStandard(name))
        {
            return Outcome<bool>.Invalid("name", $"'{name}' is a standard OIDC scope and cannot be deleted.");
        }

        if (await scopes.FindByNameAsync(name, cancellationToken) is not { } scope)
        {
            return Outcome<bool>.Missing();
        }

        var grantedTo = await ClientsGrantedAsync(name, cancellationToken);
        if (grantedTo.Count > 0)
        {
            return Outcome<bool>.InConflict(
                $"The scope '{name}' is still granted to {grantedTo.Count} client(s): {string.Join(", ", grantedTo)}. Remove it from them first.", grantedTo);
        }

        var before = await ToResourceAsync(scope, cancellationToken);
        await scopes.DeleteAsync(scope, cancellationToken);
        await audit.WriteAsync("admin.scopes.deleted", "scope", name, AdminAudit.Change(before, null), cancellationToken);
        return Outcome<bool>.Done(true);
    }

    /// <summary>The client ids of the tenant allowed the scope. Permissions are a JSON array per client; read here
    /// rather than matched in SQL, where the JSON escaping of a name would have to be repeated.</summary>
    private async Task<List<string>> ClientsGrantedAsync(string name, CancellationToken cancellationToken)
    {
        var permission = Permissions.Prefixes.Scope + name;
        var clients = await db.Set<CiamApplication>().AsNoTracking()
            .Select(a => new { a.ClientId, a.Permissions }).ToListAsync(cancellationToken);
        return clients
            .Where(c => c.Permissions is not null && (JsonSerializer.Deserialize<string[]>(c.Permissions) ?? []).Contains(permission, StringComparer.Ordinal))
            .Select(c => c.ClientId!).Order(StringComparer.Ordinal).ToList();
    }

    private static FieldErrors Check(ScopeSettingsInput input)
    {
        var errors = new FieldErrors();
        if (input.DisplayName is { Length: > MaxDisplayNameLength })
        {
            errors.Add("displayName", $"must be at most {MaxDisplayNameLength} characters.");
        }

        if (input.Description is { Length: > MaxDescriptionLength })
        {
            errors.Add("description", $"must be at most {MaxDescriptionLength} characters.");
        }

        if (ApiScopeRules.AudiencesProblem(input.Audiences) is { } audiences)
        {
            errors.Add("audiences", audiences);
        }

        return errors;
    }

    private static OpenIddictScopeDescriptor Describe(string name, ScopeSettingsInput input)
    {
        var descriptor = new OpenIddictScopeDescriptor
        {
            Name = name,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? null : input.DisplayName,
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description,
        };
        descriptor.Resources.UnionWith(input.Audiences ?? []);
        return descriptor;
    }

    private async Task<ScopeResource> ToResourceAsync(object scope, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictScopeDescriptor();
        await scopes.PopulateAsync(descriptor, scope, cancellationToken);
        return new ScopeResource(descriptor.Name!, descriptor.DisplayName, descriptor.Description,
            descriptor.Resources.Order(StringComparer.Ordinal).ToList());
    }
}
