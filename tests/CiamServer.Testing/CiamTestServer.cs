using System.Net;
using CiamServer.Hosting;
using CiamServer.Import;
using CiamServer.Protocol.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiamServer.Testing;

/// <summary>The real server, composed exactly as Program.cs does, on Kestrel over HTTPS on a free loopback
/// port, with its own PostgreSQL database, Redis, a mail pickup folder and fixed signing keys.</summary>
public sealed class CiamTestServer : IAsyncDisposable, IServerEndpoints
{
    private readonly WebApplication _app;
    private readonly bool _ownsDatabase;

    private CiamTestServer(WebApplication app, TestDatabase database, bool ownsDatabase, Mailbox mailbox, SmsBox smsBox, string workFolder)
    {
        SmsBox = smsBox;
        _app = app;
        _ownsDatabase = ownsDatabase;
        Database = database;
        Mailbox = mailbox;
        WorkFolder = workFolder;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
    }

    /// <summary>https://localhost:{port}</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public TestDatabase Database { get; }

    public Mailbox Mailbox { get; }

    /// <summary>The text messages the server "sent" (the development SMS folder).</summary>
    public SmsBox SmsBox { get; }

    public string WorkFolder { get; }

    public string Issuer(string tenant) => new Uri(BaseAddress, $"/t/{tenant}").ToString().TrimEnd('/');

    public Uri Url(string tenant, string path) => new(BaseAddress, $"/t/{tenant}/{path.TrimStart('/')}");

    public BrowserLikeClient CreateBrowser() => new(BaseAddress);

    public static async Task<CiamTestServer> StartAsync(TestServerOptions? options = null)
    {
        options ??= new TestServerOptions();
        var ownsDatabase = options.Database is null;
        var database = options.Database ?? await TestDatabase.CreateAsync();
        var work = Directory.CreateTempSubdirectory("ciam-test-").FullName;
        var mail = Path.Combine(work, "mail");
        var sms = Path.Combine(work, "sms");
        var import = Path.Combine(work, "import");
        Directory.CreateDirectory(import);
        foreach (var (document, index) in options.ImportDocuments.Select((d, i) => (d, i)))
        {
            await File.WriteAllTextAsync(Path.Combine(import, $"{index:D2}.json"), document);
        }

        // Data Protection keys encrypted with a certificate, as production requires.
        var dataProtectionCertificate = Path.Combine(work, "data-protection.pfx");
        await File.WriteAllBytesAsync(dataProtectionCertificate,
            TestCertificate.Instance.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, TestCertificate.ExportPassword));

        var settings = new Dictionary<string, string?>
        {
            ["Ciam:DataProtection:CertificatePath"] = dataProtectionCertificate,
            ["Ciam:DataProtection:CertificatePassword"] = TestCertificate.ExportPassword,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // As production must: only the hosts clients use (BaseAddress is https://localhost:{port}; tests that
            // need a public-looking name use *.ciam.test).
            ["AllowedHosts"] = "localhost;*.ciam.test",
            ["Ciam:Database:Provider"] = "PostgreSql",
            ["Ciam:Database:ConnectionString"] = options.DatabaseConnectionString?.Invoke(database) ?? database.ConnectionString,
            ["Ciam:Email:From"] = "no-reply@ciam.test",
            ["Ciam:Email:PickupDirectory"] = mail,
            // Tests share one Redis and send many messages to the same test users; the limit has its own test.
            ["Ciam:Email:MaxPerRecipientPerHour"] = "10000",
            ["Ciam:Passwordless:Sms:PickupDirectory"] = sms,
            // Every test browser is 127.0.0.1; the per-address code limit has its own test.
            ["Ciam:Passwordless:MaxCodesPerAddressPerHour"] = "100000",
            ["Ciam:Import:Path"] = options.ImportDocuments.Count > 0 ? import : null,
            ["Ciam:Protocol:Keys:PublishAhead"] = "00:00:00",
            // Console tests sign admins in with a password alone; the second factor for admins has its own tests.
            ["Ciam:Admin:RequireMfa"] = "false",
        };
        if (options.UseRedis)
        {
            settings["Ciam:Redis:Configuration"] = options.RedisConfiguration ?? await TestServices.RedisAsync();
        }

        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = options.Environment,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        // The hosted pages' stylesheet comes from the Login project (_content/CiamServer.Login); a published
        // server has it in wwwroot, a test host only through the build's static web assets manifest, which
        // ASP.NET Core reads by itself in Development only.
        builder.WebHost.UseStaticWebAssets();
        builder.AddCiamServer();
        builder.Services.Replace(ServiceDescriptor.Singleton<IKeyMaterialFactory, TestKeyMaterialFactory>());
        builder.Services.Replace(ServiceDescriptor.Singleton(options.Clock));
        options.ConfigureServices?.Invoke(builder.Services);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(TestCertificate.Instance)));

        var app = builder.Build();
        await app.PrepareCiamAsync();
        app.UseCiamServer();
        await app.StartAsync();
        return new CiamTestServer(app, database, ownsDatabase, new Mailbox(mail), new SmsBox(sms), work);
    }

    /// <summary>Waits until every email queued so far has been written to the pickup folder (or dropped):
    /// pages queue mail and answer at once, so a test looking at the mailbox waits for this first.</summary>
    public async Task EmailsSentAsync()
    {
        var queue = Services.GetRequiredService<Core.Email.QueuedEmailSender>();
        for (var waited = 0; queue.Pending > 0; waited += 20)
        {
            if (waited > 10_000)
            {
                throw new TimeoutException($"{queue.Pending} email(s) still queued after 10 s.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Imports a document (the import file format) into the running server.</summary>
    public async Task<ImportResult> ImportAsync(string json)
    {
        // Inside the server's work folder, so disposing the server removes it.
        var folder = Directory.CreateDirectory(Path.Combine(WorkFolder, "import-" + Guid.NewGuid().ToString("N"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "import.json"), json);
        return await Services.GetRequiredService<Importer>().ImportFolderAsync(folder, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; harmless.
        }
    }
}
