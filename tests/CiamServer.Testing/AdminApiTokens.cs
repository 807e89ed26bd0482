using System.Net.Http.Headers;
using CiamServer.Core.Authentication;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Testing;

/// <summary>Admin API clients for tests, holding tokens as real callers get them:
/// <list type="bullet">
/// <item><see cref="ForAdminAsync"/>: an administrator's token (code flow against the admin tenant, scope ciam.admin),
/// for <c>/t/admin/admin/api/tenants/{tenant}/...</c> and the super-admin endpoints;</item>
/// <item><see cref="ForAdminServiceAccountAsync"/>: an admin tenant client's client_credentials token (a super-admin
/// service account).</item>
/// </list></summary>
public static class AdminApiTokens
{
    public const string UserClientId = "admin-api-test";
    public const string ServiceClientId = "admin-service-test";
    public const string Secret = "test-only-admin-api-client-secret";

    /// <summary>An HTTP client whose bearer token is the admin <paramref name="email"/>'s (create it first with
    /// <see cref="AdminAccounts.CreateAdminAsync"/>). Paths are relative to the admin tenant's API:
    /// <c>Server.Url(Server.AdminTenant(), "admin/api/tenants/acme/users")</c>.</summary>
    public static async Task<(HttpClient Client, string Token)> ForAdminAsync(this CiamTestServer server, string email, string scope = "openid ciam.admin")
    {
        await EnsureClientsAsync(server);
        using var browser = server.CreateBrowser();
        var flow = new OidcFlow(server, browser, server.AdminTenant());
        var response = await flow.AuthorizeAsync(flow.AuthorizeUrl(UserClientId, scope: scope), email, AdminAccounts.Password);
        var code = flow.CallbackParameters(response)["code"];
        var token = (await flow.RedeemAsync(code, UserClientId, Secret)).AccessToken;
        return (Bearer(flow, token), token);
    }

    public static async Task<(HttpClient Client, string Token)> ForAdminServiceAccountAsync(this CiamTestServer server)
    {
        await EnsureClientsAsync(server);
        using var browser = server.CreateBrowser();
        var flow = new OidcFlow(server, browser, server.AdminTenant());
        var token = (await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = ServiceClientId, ["client_secret"] = Secret, ["scope"] = CiamAuthentication.AdminScope,
        })).AccessToken;
        return (Bearer(flow, token), token);
    }

    private static HttpClient Bearer(OidcFlow flow, string token)
    {
        var client = flow.ApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task EnsureClientsAsync(CiamTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var admin = await services.GetRequiredService<CiamDbContext>().Tenants.SingleAsync(t => t.Slug == server.AdminTenant());
        services.GetRequiredService<ITenantContext>().Set(admin);
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(UserClientId) is null)
        {
            var user = new OpenIddictApplicationDescriptor
            {
                ClientId = UserClientId, ClientSecret = Secret, ClientType = ClientTypes.Confidential, ConsentType = ConsentTypes.Implicit,
                RedirectUris = { new Uri(TestTenants.WebRedirectUri) },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code, Permissions.Prefixes.Scope + CiamAuthentication.AdminScope,
                },
            };
            await applications.CreateAsync(user);
        }

        if (await applications.FindByClientIdAsync(ServiceClientId) is null)
        {
            var service = new OpenIddictApplicationDescriptor
            {
                ClientId = ServiceClientId, ClientSecret = Secret, ClientType = ClientTypes.Confidential,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + CiamAuthentication.AdminScope },
            };
            await applications.CreateAsync(service);
        }
    }
}
