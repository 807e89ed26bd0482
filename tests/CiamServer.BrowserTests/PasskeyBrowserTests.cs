using System.Text.Json;
using CiamServer.Testing.Passkeys;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests;

/// <summary>Passkeys in Chromium with its virtual authenticator (DevTools WebAuthn domain): a platform
/// authenticator that holds discoverable credentials and verifies the user without a prompt.</summary>
[Trait("Category", "Passwordless")]
public sealed class PasskeyBrowserTests(PasskeyChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<PasskeyChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task AddPasskeyFromAccountPage_SignOut_SignInWithPasskeyButton_ReachesAccount()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var authenticator = await VirtualAuthenticator.AddAsync(context, page);
        var email = await PasskeyTestData.ImportUserAsync(Server, TestTenants.Acme);

        await SignInWithPasswordAsync(page, email);
        await AddPasskeyAsync(page);
        Assert.Single(await authenticator.CredentialsAsync());

        await SignOutAsync(page);
        // Only the button here: autofill is switched off so it cannot finish the sign-in first.
        await page.AddInitScriptAsync("PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);");
        await page.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Server.Url(TestTenants.Acme, "account").ToString());
        await Expect(page.GetByText("You are signed in as")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task SignInWithAutofill_ConditionalMediation_ReachesAccount()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await VirtualAuthenticator.AddAsync(context, page);
        var email = await PasskeyTestData.ImportUserAsync(Server, TestTenants.Acme);
        await SignInWithPasswordAsync(page, email);
        await AddPasskeyAsync(page);
        await SignOutAsync(page);

        // The page starts a conditional request on load (no button is clicked here). A person would focus the
        // email field and pick the passkey from the suggestions; Chromium's virtual authenticator answers a
        // conditional request by itself (it signs in even without the focus), so the test checks that the
        // conditional request was made and that it signed in.
        await page.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());
        await page.Locator("[data-passkey-sign-in][data-autofill=waiting]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByLabel("Email").FocusAsync();

        await Expect(page).ToHaveURLAsync(Server.Url(TestTenants.Acme, "account").ToString(), new() { Timeout = 15_000 });
        await Expect(page.GetByText("You are signed in as")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task PasskeySignIn_WithoutWebAuthn_ButtonStaysHidden()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync("delete window.PublicKeyCredential;");

        await page.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" })).ToBeHiddenAsync();
    }

    private async Task SignInWithPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestTenants.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByText("You are signed in as")).ToContainTextAsync(email);
    }

    private async Task AddPasskeyAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Passkeys" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Passkeys" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your passkey has been added");
        await Expect(page.GetByText("This device only")).ToBeVisibleAsync();
    }

    private async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync(Server.Url(TestTenants.Acme, "account").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
    }

    /// <summary>A CTAP2 platform authenticator ("internal") with resident keys and user verification that
    /// always succeeds, answering without a person (automaticPresenceSimulation).</summary>
    private sealed class VirtualAuthenticator(ICDPSession session, string id)
    {
        public static async Task<VirtualAuthenticator> AddAsync(IBrowserContext context, IPage page)
        {
            var session = await context.NewCDPSessionAsync(page);
            await session.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
            var result = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2",
                    ["transport"] = "internal",
                    ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true,
                    ["isUserVerified"] = true,
                    ["automaticPresenceSimulation"] = true,
                },
            });
            return new VirtualAuthenticator(session, result!.Value.GetProperty("authenticatorId").GetString()!);
        }

        public async Task<IReadOnlyList<JsonElement>> CredentialsAsync()
        {
            var result = await session.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = id });
            return [.. result!.Value.GetProperty("credentials").EnumerateArray()];
        }
    }
}
