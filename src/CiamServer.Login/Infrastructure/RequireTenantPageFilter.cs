using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CiamServer.Login.Infrastructure;

/// <summary>The hosted pages exist only inside a tenant (<c>/t/{tenant}/...</c>).</summary>
internal sealed class RequireTenantPageFilter(ITenantContext tenants) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (tenants.Tenant is null && context.ActionDescriptor.ViewEnginePath != "/Error")
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
