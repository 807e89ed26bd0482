using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>A server with no SMS provider: text messages cannot be offered, so the policies refuse to turn them on.</summary>
[Trait("Category", "Admin")]
public sealed class PoliciesWithoutSmsApiTests(PoliciesWithoutSmsApiTests.Fixture fixture) : IClassFixture<PoliciesWithoutSmsApiTests.Fixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Get_SaysSmsIsNotConfigured()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "nosms-get");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var policies = JsonDocument.Parse(await admin.GetStringAsync(Server.Url(tenant, "admin/api/policies"))).RootElement;

        Assert.False(policies.GetProperty("smsConfigured").GetBoolean());
    }

    [Fact]
    public async Task PutSignIn_SmsCodeOn_400OnSmsCode()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "nosms-signin");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var response = await admin.PutAsJsonAsync(Server.Url(tenant, "admin/api/policies/sign-in"), new
        {
            password = true, emailLink = true, emailCode = true, smsCode = true, passkey = true, passkeyRecoveryByEmail = true, requirePasskeyAttestation = false,
        });

        await AssertFieldErrorAsync(response, "smsCode", "Needs an SMS provider");
    }

    [Fact]
    public async Task PutSignIn_SmsCodeTheOnlyWay_400AsNoWayToSignIn()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "nosms-only");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var response = await admin.PutAsJsonAsync(Server.Url(tenant, "admin/api/policies/sign-in"), new
        {
            password = false, emailLink = false, emailCode = false, smsCode = true, passkey = false, passkeyRecoveryByEmail = false, requirePasskeyAttestation = false,
        });

        await AssertFieldErrorAsync(response, "signIn", "Must leave at least one way to sign in.");
    }

    [Fact]
    public async Task PutMfa_AllowSms_400OnAllowSms()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "nosms-mfa");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var response = await admin.PutAsJsonAsync(Server.Url(tenant, "admin/api/policies/mfa"), new
        {
            mode = "optional", requiredForRoles = Array.Empty<string>(), allowTotp = true, allowWebAuthn = true, allowSms = true, allowEmail = false, rememberDeviceDays = 30,
        });

        await AssertFieldErrorAsync(response, "allowSms", "Needs an SMS provider");
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {errors}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
    }

    public sealed class Fixture : ServerFixture
    {
        protected override TestServerOptions Options()
        {
            var options = new TestServerOptions();
            options.Settings["Ciam:Passwordless:Sms:PickupDirectory"] = null;
            return options;
        }
    }
}
