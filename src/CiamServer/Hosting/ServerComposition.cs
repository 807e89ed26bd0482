using System.Net;
using CiamServer.Admin;
using CiamServer.Core;
using CiamServer.Import;
using CiamServer.Login;
using CiamServer.Protocol;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Serilog;

namespace CiamServer.Hosting;

internal static class ServerComposition
{
    /// <summary>Logging, forwarded headers and the modules, each from its own configuration section.</summary>
    public static void AddCiamServer(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));

        var hosting = builder.Configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
        builder.Services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section)
            .Validate(o => o.KnownNetworks.TrueForAll(n => System.Net.IPNetwork.TryParse(n, out _)), "Ciam:Hosting:KnownNetworks must be CIDR networks.")
            .Validate(o => o.KnownProxies.TrueForAll(p => IPAddress.TryParse(p, out _)), "Ciam:Hosting:KnownProxies must be IP addresses.")
            // Email links (password reset, verification) and issuers are built from the request's Host: with any
            // host accepted, a forged Host header would mail a real reset link pointing at someone else's site.
            .Validate(o => o.AllowInsecureHttp || AllowedHosts(builder.Configuration) is { Count: > 0 } hosts && !hosts.Contains("*"),
                "Set AllowedHosts to the host names clients use (e.g. id.example.com;*.id.example.com), without a bare *: links in emails are built from the Host header.")
            .ValidateOnStart();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Host filtering sees the proxy's Host; the host a proxy forwards must pass the same list.
            AllowedHosts(builder.Configuration).Where(h => h != "*").ToList().ForEach(options.AllowedHosts.Add);
            hosting.KnownProxies.Where(p => IPAddress.TryParse(p, out _)).ToList().ForEach(p => options.KnownProxies.Add(IPAddress.Parse(p)));
            hosting.KnownNetworks.Where(n => System.Net.IPNetwork.TryParse(n, out _)).ToList().ForEach(n => options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n)));
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        builder.Services.AddCiamCore(builder.Configuration);
        builder.Services.AddCiamProtocol(builder.Configuration);
        builder.Services.AddCiamLogin(builder.Configuration);
        builder.Services.AddCiamImport(builder.Configuration);
        builder.Services.AddCiamAdmin(builder.Configuration);
    }

    /// <summary>The host names of <c>AllowedHosts</c> (semicolon separated), as host filtering reads them.</summary>
    private static List<string> AllowedHosts(IConfiguration configuration) =>
        [.. (configuration["AllowedHosts"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The request pipeline. Order matters: tenant routing before routing and authentication,
    /// so every module sees the tenant's PathBase.</summary>
    public static void UseCiamServer(this WebApplication app)
    {
        var hosting = app.Configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
        app.UseForwardedHeaders();
        app.UseSerilogRequestLogging();
        if (!hosting.AllowInsecureHttp)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCiamCore();
        // Friendly pages for people only: API clients keep their status codes and protocol bodies.
        app.UseWhen(
            context => context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapGet("/", () => Results.Text("CiamServer is running. Tenants are served under /t/{tenant}/.")).ExcludeFromDescription();
        app.MapRazorPages();
        app.MapCiamProtocol();
        app.MapCiamAdmin();
    }
}
