using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Login.Pages.Account;

/// <summary>Asks before signing out, then posts the (re-validated) end-session request to the protocol endpoint.</summary>
public sealed class LogoutModel : PageModel
{
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public string EndSessionUrl => Request.PathBase + "/connect/endsession";

    public void OnGet() => Parameters = ForwardedParameters.From(Request.Query);
}
