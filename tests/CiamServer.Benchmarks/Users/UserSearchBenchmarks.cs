using BenchmarkDotNet.Attributes;
using CiamServer.Admin.Users;
using CiamServer.Core.Data;
using CiamServer.Core.Sessions;
using CiamServer.Mfa;
using CiamServer.Passwordless;
using Microsoft.Extensions.Options;

namespace CiamServer.Benchmarks.Users;

/// <summary>The admin user search (UserDirectory.SearchAsync, limit 50) in a tenant of 1,000,000 users next to a
/// tenant of 200,000, on PostgreSQL: each search shape's first page, and deep pages through a keyset cursor. Each
/// call is one round trip to the database on loopback. See docs/benchmarks.md.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class UserSearchBenchmarks
{
    private const int Limit = 50;
    private CiamDbContext _db = null!;
    private UserDirectory _directory = null!;
    private UserSearchSamples _samples = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var tenant = await UserSearchDatabase.EnsureAsync();
        Console.WriteLine("// Seed: " + await UserSearchDatabase.SeedReportAsync());
        _db = UserSearchDatabase.Context(tenant);
        _directory = Directory(_db);
        _samples = await UserSearchSamples.FindAsync(_directory, _db);
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark(Description = "All users, first page (newest first)")]
    public Task<int> AllFirstPage() => SearchAsync(null, null);

    [Benchmark(Description = "All users, page after 500,000")]
    public Task<int> AllDeepPage() => SearchAsync(null, _samples.AllCursorAt500k);

    [Benchmark(Description = "Email prefix (with '@': 'name.family.123@exa', 1 match)")]
    public Task<int> EmailPrefix() => SearchAsync(_samples.EmailPrefix, null);

    [Benchmark(Description = "Text without '@' ('maria.garcia': name search, found by email prefix)")]
    public Task<int> EmailLikeName() => SearchAsync("maria.garcia", null);

    [Benchmark(Description = "Name prefix ('Mar', ~50k matches over 3 columns), first page")]
    public Task<int> NamePrefix() => SearchAsync("Mar", null);

    [Benchmark(Description = "Name prefix ('Mar'), page after 20,000")]
    public Task<int> NameDeepPage() => SearchAsync("Mar", _samples.NameCursorAt20k);

    [Benchmark(Description = "Given + family ('Maria Garc', ~100 matches)")]
    public Task<int> FullName() => SearchAsync("Maria Garc", null);

    [Benchmark(Description = "Family name ('Gonzalez', ~3,000 matches), first page")]
    public Task<int> FamilyName() => SearchAsync("Gonzalez", null);

    [Benchmark(Description = "Phone, whole number (exact)")]
    public Task<int> Phone() => SearchAsync(_samples.Phone, null);

    [Benchmark(Description = "Phone prefix ('+1415', ~100k matches), first page")]
    public Task<int> PhonePrefix() => SearchAsync("+1415", null);

    [Benchmark(Description = "Id")]
    public Task<int> Id() => SearchAsync(_samples.Id, null);

    [Benchmark(Description = "No match ('zzz')")]
    public Task<int> NoMatch() => SearchAsync("zzz", null);

    /// <summary>The number of users on the page (BenchmarkDotNet keeps results it is handed).</summary>
    private async Task<int> SearchAsync(string? q, string? cursor) =>
        (await _directory.SearchAsync(q, Limit, cursor, CancellationToken.None)).Page!.Items.Count;

    /// <summary>The directory as the server builds it; the search needs no sessions.</summary>
    internal static UserDirectory Directory(CiamDbContext db) =>
        new(db, new NoSessions(), new MfaFactorService(db), Options.Create(new PasswordlessOptions()), TimeProvider.System);

    private sealed class NoSessions : ISessionManager
    {
        public Task<UserSession> StartAsync(Guid userId, IReadOnlyCollection<string> authenticationMethods, SessionDevice device, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<UserSession?> TouchAsync(string sessionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<UserSession?> FindNotEndedAsync(string sessionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task EndAsync(string sessionId, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task EndAllForUserAsync(Guid userId, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<UserSession>> ListActiveAsync(Guid userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ClientsOfAsync(IReadOnlyCollection<string> sessionIds,
            CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
