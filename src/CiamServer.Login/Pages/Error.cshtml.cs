using CiamServer.Core.Protocol;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages;

/// <summary>The page people see when something cannot go back to the application: an unknown client, a
/// redirect address that is not registered, a missing page. It never redirects anywhere.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IProtocolErrorSource protocolErrors) : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "We could not complete your request. Go back to the application and try again.";

    public string? Detail { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        if (protocolErrors.Find(HttpContext) is { } error)
        {
            Title = "This sign-in request is not valid";
            Message = "The application sent a request we cannot accept, so we did not send you back to it. Go back and try again, or contact the application's support.";
            Detail = error.Description is null ? error.Error : $"{error.Error}: {error.Description}";
        }
        else if (status == 404)
        {
            Title = "Page not found";
            Message = "There is no page at this address.";
        }
    }
}
