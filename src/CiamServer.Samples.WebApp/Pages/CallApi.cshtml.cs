using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CiamServer.Samples.WebApp.Pages;

/// <summary>Calls the sample API with the access token kept at sign-in and shows what it answered.</summary>
public sealed class CallApiModel(IHttpClientFactory clients) : PageModel
{
    public HttpStatusCode Status { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public async Task OnGetAsync()
    {
        var accessToken = await HttpContext.GetTokenAsync("access_token");
        using var request = new HttpRequestMessage(HttpMethod.Get, "me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await clients.CreateClient(SampleWebApp.ApiClient).SendAsync(request, HttpContext.RequestAborted);
        Status = response.StatusCode;
        Body = await response.Content.ReadAsStringAsync(HttpContext.RequestAborted);
    }
}
