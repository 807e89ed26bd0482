using System.Security.Cryptography;
using Microsoft.Playwright;

namespace CiamServer.BrowserTests;

/// <summary>Chromium for the passkey tests. WebAuthn is refused on a page with a certificate error, and
/// <c>--ignore-certificate-errors</c> (ChromiumFixture) still counts as one. Here the test server's
/// self-signed certificate is trusted by its key instead (<c>--ignore-certificate-errors-spki-list</c>),
/// which Chromium treats as a valid certificate, so the page is a secure origin where WebAuthn works.</summary>
public sealed class PasskeyChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    /// <summary>The base64 SHA-256 of the test certificate's SubjectPublicKeyInfo, as the flag wants it.</summary>
    public static string TestCertificatePin =>
        Convert.ToBase64String(SHA256.HashData(TestCertificate.Instance.PublicKey.ExportSubjectPublicKeyInfo()));

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var executable = Environment.GetEnvironmentVariable("CIAM_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--ignore-certificate-errors-spki-list=" + TestCertificatePin,
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                "--disable-features=AutofillServerCommunication",
            ],
        });
    }

    /// <summary>A fresh profile; certificate errors are not ignored (the pinned key makes the certificate valid).</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
