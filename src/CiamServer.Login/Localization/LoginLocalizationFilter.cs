using System.Globalization;
using CiamServer.Login.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CiamServer.Login.Localization;

/// <summary>Sets the language of the hosted pages (<see cref="LoginCultures"/>) around model binding, the handler and
/// the rendering, for the Login module's pages only (other modules' pages and the APIs keep the invariant defaults),
/// and translates the validation messages the handler leaves in the model state (their English text is the key).</summary>
internal sealed class LoginLocalizationFilter(CookieSetup cookies, IStringLocalizer<LoginText> text) : IAsyncResourceFilter, IAsyncPageFilter
{
    private string CookieName => cookies.Prefix + ".ui_locales";

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (!IsLoginPage(context.ActionDescriptor))
        {
            await next();
            return;
        }

        var (name, fromUiLocales) = LoginCultures.Choose(context.HttpContext.Request, CookieName);
        if (fromUiLocales)
        {
            Remember(context.HttpContext, name);
        }

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = LoginCultures.Culture(name);
        try
        {
            await next();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await next();
        if (IsLoginPage(context.ActionDescriptor) && CultureInfo.CurrentUICulture.Name != LoginCultures.Default)
        {
            Translate(context.ModelState);
        }
    }

    private void Translate(ModelStateDictionary modelState)
    {
        foreach (var entry in modelState.Values.Where(e => e.Errors.Count > 0))
        {
            var messages = entry.Errors.Select(e => e.Exception is null ? text[e.ErrorMessage].Value : null).ToList();
            if (messages.Contains(null))
            {
                continue;
            }

            entry.Errors.Clear();
            messages.ForEach(m => entry.Errors.Add(m!));
        }
    }

    private void Remember(HttpContext context, string culture) =>
        context.Response.Cookies.Append(CookieName, culture, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = context.Request.IsHttps || CookieName.StartsWith("__Host-", StringComparison.Ordinal),
            SameSite = SameSiteMode.Lax,
            MaxAge = LoginCultures.CookieLifetime,
            IsEssential = true,
        });

    private static bool IsLoginPage(Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor action) =>
        action is CompiledPageActionDescriptor page && page.HandlerTypeInfo.Assembly == typeof(LoginText).Assembly;
}
