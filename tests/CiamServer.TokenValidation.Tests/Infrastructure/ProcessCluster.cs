using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace CiamServer.TokenValidation.Tests.Infrastructure;

/// <summary>Two CiamServer nodes and one API, each a process of its own on loopback, as deployed: the nodes
/// (CiamServer.dll, Production, HTTPS with the test certificate) share one PostgreSQL database and a Redis of
/// the test's own; the API is the sample API (CiamServer.Samples.Api.dll) validating with
/// CiamServer.TokenValidation against node A's issuer. Data-protection keys are in the shared database, so a
/// cookie from one node is good on the other, as behind a load balancer.</summary>
public sealed class ProcessCluster : IAsyncLifetime
{
    private const string CertificatePassword = "test-only";
    private readonly string _work = Directory.CreateTempSubdirectory("ciam-cluster-").FullName;
    private TestDatabase? _database;
    private int _apiPort;

    internal ServerNode NodeA { get; private set; } = null!;

    internal ServerNode NodeB { get; private set; } = null!;

    internal ApiNode Api { get; private set; } = null!;

    internal PrivateRedis Redis { get; private set; } = null!;

    private string CertificatePath => Path.Combine(_work, "localhost.pfx");

    private string TrustedCertificatesPath => Path.Combine(_work, "localhost.pem");

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(CertificatePath, TestCertificate.Instance.Export(X509ContentType.Pkcs12, CertificatePassword));
        await File.WriteAllTextAsync(TrustedCertificatesPath, TestCertificate.Instance.ExportCertificatePem());
        Directory.CreateDirectory(Path.Combine(_work, "import"));
        await File.WriteAllTextAsync(Path.Combine(_work, "import", "tenants.json"), TestTenants.Standard);
        Redis = await PrivateRedis.StartAsync();
        _database = await TestDatabase.CreateAsync();
        // One after the other: the first applies the migrations and creates the key ring, the second finds them.
        NodeA = await StartNodeAsync("a");
        NodeB = await StartNodeAsync("b");
        _apiPort = FreePort();
        Api = await StartApiAsync();
    }

    /// <summary>Stops the API process and starts a new one on the same port: it knows only what Redis holds.</summary>
    internal async Task RestartApiAsync()
    {
        await Api.DisposeAsync();
        Api = await StartApiAsync();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await NodeB.DisposeAsync();
        await NodeA.DisposeAsync();
        await _database!.DisposeAsync();
        await Redis.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private async Task<ServerNode> StartNodeAsync(string name)
    {
        var port = FreePort();
        var root = Directory.CreateDirectory(Path.Combine(_work, "node-" + name)).FullName;
        var process = ChildProcess.Start("CiamServer.dll", root, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"https://127.0.0.1:{port}",
            ["Kestrel__Certificates__Default__Path"] = CertificatePath,
            ["Kestrel__Certificates__Default__Password"] = CertificatePassword,
            ["Ciam__DataProtection__CertificatePath"] = CertificatePath,
            ["Ciam__DataProtection__CertificatePassword"] = CertificatePassword,
            ["AllowedHosts"] = "localhost",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Ciam__Database__Provider"] = "PostgreSql",
            ["Ciam__Database__ConnectionString"] = _database!.ConnectionString,
            ["Ciam__Redis__Configuration"] = Redis.Configuration,
            ["Ciam__Email__From"] = "no-reply@ciam.test",
            ["Ciam__Email__PickupDirectory"] = Path.Combine(root, "mail"),
            ["Ciam__Import__Path"] = Path.Combine(_work, "import"),
            ["Ciam__Protocol__Keys__PublishAhead"] = "00:00:00",
            // Replication every second, so a Redis restart is repaired quickly enough for a test.
            ["Ciam__Protocol__RevocationReplicationInterval"] = "00:00:01",
        });
        var node = new ServerNode(new Uri($"https://localhost:{port}"), process);
        using var client = TrustingClient();
        await process.WaitUntilReadyAsync(client, new Uri(node.BaseAddress, "/health/ready"), TimeSpan.FromSeconds(90));
        return node;
    }

    private async Task<ApiNode> StartApiAsync()
    {
        var root = Directory.CreateDirectory(Path.Combine(_work, "api")).FullName;
        var process = ChildProcess.Start("CiamServer.Samples.Api.dll", root, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_apiPort}",
            ["Sample__Authority"] = ((IServerEndpoints)NodeA).Issuer(TestTenants.Acme),
            ["Sample__Audience"] = "orders-api",
            ["Sample__RequiredScope"] = "orders.read",
            ["Sample__Redis"] = Redis.Configuration,
            // The API trusts the test certificate as a root (OpenSSL's trust file), as it would a private CA.
            ["SSL_CERT_FILE"] = TrustedCertificatesPath,
        });
        var api = new ApiNode(new Uri($"http://127.0.0.1:{_apiPort}"), process);
        using var client = new HttpClient();
        await process.WaitUntilReadyAsync(client, new Uri(api.BaseAddress, "/health/ready"), TimeSpan.FromSeconds(60));
        return api;
    }

    private static HttpClient TrustingClient() => new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => TestCertificate.Validate(certificate as X509Certificate2) },
    });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed class ServerNode(Uri baseAddress, ChildProcess process) : IServerEndpoints, IAsyncDisposable
    {
        public Uri BaseAddress { get; } = baseAddress;

        public ValueTask DisposeAsync() => process.DisposeAsync();
    }

    internal sealed class ApiNode(Uri baseAddress, ChildProcess process) : IAsyncDisposable
    {
        private readonly HttpClient _client = new();

        public Uri BaseAddress { get; } = baseAddress;

        internal ChildProcess Process { get; } = process;

        public async Task<HttpStatusCode> StatusForAsync(string accessToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, "/me"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await _client.SendAsync(request);
            return response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await Process.DisposeAsync();
        }
    }
}
