using CiamServer.Core;
using CiamServer.Core.Clients;
using CiamServer.Core.Data;
using CiamServer.Core.OpenIddict;
using CiamServer.Protocol.Issuance;
using CiamServer.Protocol.Clients;
using CiamServer.Protocol.Handlers;
using CiamServer.Protocol.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Protocol;

public static class ProtocolServiceCollectionExtensions
{
    /// <summary>The OpenID Connect provider: OpenIddict's server on the shared DbContext, the key ring,
    /// and the passthrough endpoints that decide who gets which token.</summary>
    public static IServiceCollection AddCiamProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(KeyRingMonitor)))
        {
            return services;
        }

        services.AddCiamCore(configuration);
        services.AddOptions<ProtocolOptions>().BindConfiguration(ProtocolOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.RefreshTokenAbsoluteLifetime >= o.RefreshTokenIdleLifetime,
                "Ciam:Protocol:RefreshTokenAbsoluteLifetime must not be shorter than RefreshTokenIdleLifetime.")
            // Data annotations do not reach into the nested Keys section.
            .Validate(o => o.Keys.RefreshInterval >= TimeSpan.FromSeconds(1), "Ciam:Protocol:Keys:RefreshInterval must be at least 1 second.")
            .Validate(o => o.Keys.PublishAhead >= TimeSpan.Zero, "Ciam:Protocol:Keys:PublishAhead must not be negative.")
            .ValidateOnStart();
        var protocol = configuration.GetSection(ProtocolOptions.Section).Get<ProtocolOptions>() ?? new ProtocolOptions();
        // One switch for the whole host (Ciam:Hosting), read here because OpenIddict enforces HTTPS itself.
        var allowInsecureHttp = Core.Infrastructure.PlainHttp.IsAllowed(configuration);

        services.TryAddSingleton<IKeyMaterialFactory, RsaKeyMaterialFactory>();
        services.AddScoped<KeyRing>();
        services.AddSingleton<KeyRingMonitor>();
        services.AddSingleton<KeyRingServerOptionsSetup>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(p => p.GetRequiredService<KeyRingServerOptionsSetup>());
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(p => p.GetRequiredService<KeyRingServerOptionsSetup>());
        // The validation (access tokens presented to this server's own APIs) copies the server's keys when its options
        // are built: rebuild them too when the ring changes, or tokens signed by a new key would be refused.
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddict.Validation.OpenIddictValidationOptions>, KeyRingValidationOptionsChangeSource>();
        services.AddHostedService<KeyRingRefresher>();
        services.AddSingleton<ClientSecretVerificationCache>();
        services.AddScoped<IClientCatalog, ClientCatalog>();
        services.AddScoped<PrincipalFactory>();
        services.AddScoped<Sessions.SessionAuthorizations>();
        // Session-end handlers run in this order: the revocation list first (what APIs check), then the
        // database revocation of the session's tokens, then back-channel logout notices.
        services.AddScoped<Revocation.RevocationLog>();
        services.AddScoped<Core.Sessions.ISessionEndedHandler, Revocation.RevokeEndedSessions>();
        services.AddScoped<Core.Sessions.ISessionEndedHandler, Sessions.RevokeSessionTokens>();
        services.AddHttpContextAccessor();
        services.AddSingleton<BackchannelLogout.LogoutTokenFactory>();
        services.AddSingleton<BackchannelLogout.LogoutDeliveryQueue>();
        services.AddHostedService<BackchannelLogout.LogoutDeliveryService>();
        services.AddHttpClient(BackchannelLogout.LogoutDeliveryService.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddScoped<Core.Sessions.ISessionEndedHandler, BackchannelLogout.NotifyClientsOfLogout>();
        services.AddSingleton<Revocation.RevocationBroadcaster>();
        if (configuration.GetSection(Core.Redis.RedisOptions.Section).Get<Core.Redis.RedisOptions>() is { Enabled: true })
        {
            services.AddSingleton<Revocation.RevocationReplicator>();
            services.AddHostedService(provider => provider.GetRequiredService<Revocation.RevocationReplicator>());
        }
        services.AddSingleton<Core.Protocol.IProtocolErrorSource, ProtocolErrorSource>();

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore()
                    .UseDbContext<CiamDbContext>()
                    .ReplaceDefaultEntities<CiamApplication, CiamAuthorization, CiamScope, CiamToken, Guid>();
                // OpenIddict's entity cache is keyed by client_id alone, which tenants may share.
                core.DisableEntityCaching();
                core.ReplaceApplicationManager(typeof(CachingApplicationManager<>));
            })
            .AddServer(server => ConfigureServer(server, protocol, allowInsecureHttp))
            // The server's own APIs (admin) take its access tokens, validated in-process against the
            // tenant's issuer and the token entries (so revoked tokens are refused at once).
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.EnableTokenEntryValidation();
                validation.AddAudiences(Core.Authentication.CiamAuthentication.AdminScope);
            });

        return services;
    }

    private static void ConfigureServer(OpenIddictServerBuilder server, ProtocolOptions protocol, bool allowInsecureHttp)
    {
        // Relative endpoint addresses: each tenant's PathBase (/t/{tenant}) makes them its own.
        server.SetConfigurationEndpointUris(".well-known/openid-configuration")
            .SetJsonWebKeySetEndpointUris(".well-known/jwks")
            .SetAuthorizationEndpointUris("connect/authorize")
            .SetTokenEndpointUris("connect/token")
            .SetUserInfoEndpointUris("connect/userinfo")
            .SetIntrospectionEndpointUris("connect/introspect")
            .SetRevocationEndpointUris("connect/revoke")
            .SetEndSessionEndpointUris("connect/endsession");

        // Code flow, refresh and client credentials only: no implicit, hybrid or password grant (RFC 9700).
        server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
        server.Configure(options =>
        {
            options.CodeChallengeMethods.Clear();
            options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
        });

        server.RegisterScopes(StandardScopes.All.ToArray());
        server.RegisterClaims(StandardScopes.AllClaims.ToArray());

        server.SetAccessTokenLifetime(protocol.AccessTokenLifetime)
            .SetIdentityTokenLifetime(protocol.IdentityTokenLifetime)
            .SetAuthorizationCodeLifetime(protocol.AuthorizationCodeLifetime)
            .SetRefreshTokenLifetime(protocol.RefreshTokenIdleLifetime)
            // A redeemed refresh token presented again is theft or a bug: no grace period, revoke the family.
            .SetRefreshTokenReuseLeeway(TimeSpan.Zero);

        // APIs validate access tokens locally as signed JWTs (typ at+jwt); they carry no secrets.
        server.DisableAccessTokenEncryption();

        server.AddEventHandler(RejectDuplicateParameters.Descriptor);
        server.AddEventHandler(LimitEchoedParameterLength.Descriptor);
        server.AddEventHandler(RequirePkceForPublicClients.Descriptor);
        server.AddEventHandler(RejectDisabledClients.Descriptor);
        server.AddEventHandler(InvalidScopeForScopesNotPermitted.Descriptor);
        server.AddEventHandler(AdvertiseBackchannelLogout.Descriptor);
        server.AddEventHandler(AdvertiseAcrValues.Descriptor);
        server.AddEventHandler(AdvertiseUiLocales.Descriptor);
        server.AddEventHandler(Revocation.RevokeAccessTokenByJti.Descriptor);
        server.AddEventHandler(EndSessionOnRefreshTokenReuse.NoteDescriptor);
        server.AddEventHandler(EndSessionOnRefreshTokenReuse.EndDescriptor);
        server.AddEventHandler(TokenRequestTransaction.BeginDescriptor);
        server.AddEventHandler(TokenRequestTransaction.CommitDescriptor);

        var aspNetCore = server.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .EnableTokenEndpointPassthrough()
            .EnableUserInfoEndpointPassthrough()
            .EnableEndSessionEndpointPassthrough()
            .EnableStatusCodePagesIntegration();
        if (allowInsecureHttp)
        {
            aspNetCore.DisableTransportSecurityRequirement();
        }
    }
}
