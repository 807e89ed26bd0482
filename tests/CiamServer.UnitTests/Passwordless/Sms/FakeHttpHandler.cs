using System.Net;

namespace CiamServer.UnitTests.Passwordless.Sms;

/// <summary>Answers every request with a fixed status and body (or throws), and keeps what was asked.</summary>
internal sealed class FakeHttpHandler(HttpStatusCode status, string body, Exception? failure = null) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public List<string> Bodies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        Bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        if (failure is not null)
        {
            throw failure;
        }

        return new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
    }
}

/// <summary>Hands out clients on the fake handler, as the real factory would on the network.</summary>
internal sealed class FakeHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public List<string> Names { get; } = [];

    public HttpClient CreateClient(string name)
    {
        Names.Add(name);
        return new HttpClient(handler, disposeHandler: false);
    }
}
