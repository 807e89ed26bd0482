using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CiamServer.Admin.Pages.Console.Tenants;

/// <summary>Field errors of the tenant services (camelCase field names) as ModelState errors of a page's input.</summary>
internal static class ConsoleErrors
{
    public static void AddTo(ModelStateDictionary modelState, IDictionary<string, string[]>? errors, string prefix = "Input.")
    {
        foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
        {
            var key = field.StartsWith('$') ? string.Empty : prefix + char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages)
            {
                modelState.AddModelError(key, key.Length == 0 ? $"{field}: {message}" : message);
            }
        }
    }
}
