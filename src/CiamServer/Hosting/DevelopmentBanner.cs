using System.Text;
using CiamServer.Import;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CiamServer.Hosting;

/// <summary>In development, prints where the imported demo lives and how to sign in to it, and the console's
/// bootstrap admin. The credentials come from the development import file and appsettings.Development.json,
/// which say they hold development defaults only.</summary>
internal static class DevelopmentBanner
{
    public static void Print(WebApplication app, ImportResult result) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? "http://localhost:5000";
            var text = new StringBuilder().AppendLine().AppendLine("=== CiamServer development defaults (never use in production) ===");
            foreach (var tenant in result.Tenants)
            {
                var issuer = $"{origin}/t/{tenant.Slug}";
                text.AppendLine($"Tenant '{tenant.Slug}': issuer {issuer}")
                    .AppendLine($"  discovery  {issuer}/.well-known/openid-configuration")
                    .AppendLine($"  sign in    {issuer}/account/login");
                foreach (var client in tenant.Clients ?? [])
                {
                    text.AppendLine($"  client     {client.ClientId} ({client.Type}){(client.Secret is null ? string.Empty : " secret " + client.Secret)}");
                }

                foreach (var user in tenant.Users ?? [])
                {
                    text.AppendLine($"  user       {user.Email} / {user.Password}");
                }
            }

            var admin = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Administration.AdminOptions>>().Value;
            if (admin.Bootstrap.Email is { Length: > 0 } email)
            {
                text.AppendLine($"Admin console {origin}/t/{admin.TenantSlug}/console")
                    .AppendLine($"  super-admin {email} / {admin.Bootstrap.Password} (sets up an authenticator app at first sign-in)");
            }

            Console.WriteLine(text.ToString());
        });
}
