using Microsoft.Playwright;

namespace CiamServer.BrowserTests;

/// <summary>One headless Chromium per test class: the machine's own (CIAM_TEST_CHROMIUM, default
/// /usr/bin/chromium), never a browser Playwright downloads. Each test opens its own context.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        // Inherited by Playwright's driver process: it must never try to fetch a browser build.
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
                // The test server's certificate is self-signed (TestCertificate).
                "--ignore-certificate-errors",
                // Chromium still looks up Google hosts in the background (autofill, accounts, updates): every
                // name but localhost resolves to nothing, so the tests reach no machine but this one.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                "--disable-features=AutofillServerCommunication",
            ],
        });
    }

    /// <summary>A fresh profile (no cookies) for one test; phone-sized when a viewport is given.</summary>
    public Task<IBrowserContext> NewContextAsync(ViewportSize? phone = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            IgnoreHTTPSErrors = true,
            ViewportSize = phone,
            IsMobile = phone is not null,
            HasTouch = phone is not null,
            Locale = "en-GB",
        });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
