using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CiamServer.Admin.Pages.Console.Tenant;

/// <summary>The admin services' field errors (camelCase JSON names) as ModelState errors of a page's input.</summary>
internal static class FieldErrorsExtensions
{
    public static void AddFieldErrors(this ModelStateDictionary modelState, string prefix, IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            var bracket = field.IndexOfAny(['[', '.']);
            var property = bracket > 0 ? field[..bracket] : field;
            foreach (var message in messages)
            {
                modelState.AddModelError($"{prefix}{char.ToUpperInvariant(property[0])}{property[1..]}", message);
            }
        }
    }

    public static string? ErrorOf(this ModelStateDictionary modelState, string key) =>
        modelState[key]?.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Select(e => e.ErrorMessage)) : null;
}
