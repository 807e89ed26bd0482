using CiamServer.Admin.Access;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Admin.Console;

/// <summary>The console's Razor Pages (folder <c>/Console</c>): every page needs the console policy, and pages of
/// one tenant (<c>/console/tenants/{tenant}/...</c>) work on that tenant once the policy has checked the grant.</summary>
internal static class ConsolePages
{
    public const string Folder = "/Console";

    public static void AddConsolePages(this IServiceCollection services) =>
        services.AddRazorPages().AddRazorPagesOptions(options =>
        {
            options.Conventions.AuthorizeFolder(Folder, ConsoleAuthentication.Policy);
            options.Conventions.AllowAnonymousToPage(Folder + "/Denied");
            options.Conventions.AddFolderApplicationModelConvention(Folder, model => model.Filters.Add(new ConsoleTenantFilter()));
        });
}

/// <summary>Makes the tenant named by the route the current one (404 when there is none), after authorization.</summary>
internal sealed class ConsoleTenantFilter : IAsyncPageFilter
{
    public const string TargetItem = "ciam.console.target";
    public const string GrantsItem = "ciam.console.grants";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (AdminCaller.UserIdOf(http.User) is { } userId)
        {
            http.Items[GrantsItem] = await http.RequestServices.GetRequiredService<AdminAccess>().GrantsOfAsync(userId, http.RequestAborted);
        }

        if (TargetTenant.SlugOf(http) is not null)
        {
            var tenant = await TargetTenant.SwitchToAsync(http, http.RequestServices.GetRequiredService<ITenantDirectory>(),
                http.RequestServices.GetRequiredService<ITenantContext>());
            if (tenant is null)
            {
                context.Result = new NotFoundResult();
                return;
            }

            http.Items[TargetItem] = tenant;
        }

        await next();
    }
}
