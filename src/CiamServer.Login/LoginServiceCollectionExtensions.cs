using CiamServer.Core;
using CiamServer.Core.Authentication;
using CiamServer.Core.Data;
using CiamServer.Core.Users;
using CiamServer.Core.Tenancy.Branding;
using CiamServer.Login.Accounts;
using CiamServer.Login.Preview;
using CiamServer.Login.Cookies;
using CiamServer.Login.Infrastructure;
using CiamServer.Login.Localization;
using CiamServer.Login.Passwords;
using CiamServer.Login.SignIn;
using CiamServer.Login.Throttling;
using CiamServer.Mfa;
using CiamServer.Risk;
using CiamServer.Passwordless;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiamServer.Login;

public static class LoginServiceCollectionExtensions
{
    /// <summary>The hosted pages, ASP.NET Core Identity on the shared DbContext, the per-tenant SSO cookie,
    /// the password policy and sign-in throttling.</summary>
    public static IServiceCollection AddCiamLogin(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(LoginThrottle)))
        {
            return services;
        }

        services.AddCiamCore(configuration);
        services.AddCiamPasswordless(configuration);
        services.AddCiamMfa(configuration);
        services.AddCiamRisk(configuration);
        services.AddOptions<LoginOptions>().BindConfiguration(LoginOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Throttling.FirstDelay > TimeSpan.Zero && o.Throttling.MaximumDelay >= o.Throttling.FirstDelay,
                "Ciam:Login:Throttling delays must be positive, the maximum not below the first.")
            .ValidateOnStart();

        // Before AddIdentityCore, which then leaves out its own validator.
        services.AddScoped<IUserValidator<CiamUser>, PhoneOrEmailUserValidator>();
        services.AddIdentityCore<CiamUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.User.AllowedUserNameCharacters = string.Empty; // user names are email addresses
                // Composition rules are out (NIST SP 800-63B); TenantPasswordValidator applies length and the breached list.
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredLength = 1;
                identity.Password.RequiredUniqueChars = 1;
                // Lockout is done by LoginThrottle, which treats unknown accounts the same way.
                identity.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<CiamRole>()
            .AddEntityFrameworkStores<CiamDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<TenantPasswordValidator>();

        services.AddSingleton<CommonPasswordList>();
        services.AddScoped<LoginThrottle>();
        services.AddScoped<Core.Throttling.IAccountThrottle>(provider => provider.GetRequiredService<LoginThrottle>());
        services.AddScoped<AccountSignIn>();
        services.AddScoped<CodeDelivery>();
        services.AddScoped<PasswordlessCompletion>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<SecondFactors>();
        services.AddScoped<PendingSignInCookie>();
        services.AddScoped<SessionCookieEvents>();
        services.AddSingleton<CookieSetup>();
        services.AddSingleton<BrowserBinding>();
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>>(p => p.GetRequiredService<CookieSetup>());
        services.AddSingleton<IConfigureOptions<AntiforgeryOptions>>(p => p.GetRequiredService<CookieSetup>());
        services.AddAuthentication().AddCookie(CiamAuthentication.SessionScheme);

        services.AddRazorPages(pages =>
            {
                pages.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(RequireTenantPageFilter)));
                pages.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(LoginLocalizationFilter)));
            })
            .AddViewLocalization();
        services.AddScoped<RequireTenantPageFilter>();
        services.AddSingleton<LoginLocalizationFilter>();
        services.AddScoped<IBrandingPreview, BrandingPreviewRenderer>();
        return services;
    }
}
