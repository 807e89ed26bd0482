using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CiamServer.Samples.Api;

/// <summary>The policy for GET /me: a valid token that was granted the configured scope. A token without
/// it is authenticated but forbidden (403), which tells the client to ask for the scope.</summary>
internal sealed class ScopePolicySetup(IOptions<ApiOptions> api) : IConfigureOptions<AuthorizationOptions>
{
    public void Configure(AuthorizationOptions options) =>
        options.AddPolicy(SampleApi.ScopePolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => TokenScopes.Of(context.User).Contains(api.Value.RequiredScope)));
}
