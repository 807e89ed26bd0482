using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CiamServer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Operations;

[Trait("Category", "Operations")]
public sealed class DataProtectionAtRestTests
{
    [Fact]
    public async Task DataProtectionKeys_WithCertificateConfigured_AreStoredEncrypted()
    {
        var pfx = Path.Combine(Directory.CreateTempSubdirectory("ciam-dp-").FullName, "dp.pfx");
        await File.WriteAllBytesAsync(pfx, CreateCertificate().Export(X509ContentType.Pfx, "test-only"));
        var options = new TestServerOptions();
        options.Settings["Ciam:DataProtection:CertificatePath"] = pfx;
        options.Settings["Ciam:DataProtection:CertificatePassword"] = "test-only";
        await using var server = await CiamTestServer.StartAsync(options);

        var xml = await StoredKeysAsync(server);

        Assert.NotEmpty(xml);
        Assert.All(xml, key => Assert.Contains("encryptedSecret", key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DataProtectionKeys_WithoutCertificateButExplicitlyAllowed_AreStoredInTheClear()
    {
        var options = new TestServerOptions();
        options.Settings["Ciam:DataProtection:CertificatePath"] = null;
        options.Settings["Ciam:DataProtection:AllowUnencryptedKeys"] = "true";
        await using var server = await CiamTestServer.StartAsync(options);

        var xml = await StoredKeysAsync(server);

        Assert.NotEmpty(xml);
        Assert.All(xml, key => Assert.DoesNotContain("encryptedSecret", key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_OverHttpsWithoutCertificateOrExplicitOptOut_Refused()
    {
        var options = new TestServerOptions();
        options.Settings["Ciam:DataProtection:CertificatePath"] = null;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => CiamTestServer.StartAsync(options));

        Assert.Contains("Ciam:DataProtection:CertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> StoredKeysAsync(CiamTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ciam-data-protection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
