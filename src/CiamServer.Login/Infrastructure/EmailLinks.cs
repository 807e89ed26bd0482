using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace CiamServer.Login.Infrastructure;

/// <summary>Absolute links for emails, on the tenant's own base address (behind a proxy, the forwarded one).</summary>
internal static class EmailLinks
{
    public static string To(HttpRequest request, string path, IDictionary<string, string?> query) =>
        UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, path, QueryString.Create(query));
}
