using CiamServer.Core.Protocol;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Protocol;

internal sealed class ProtocolErrorSource : IProtocolErrorSource
{
    public ProtocolError? Find(HttpContext context) =>
        context.GetOpenIddictServerResponse() is { Error: { Length: > 0 } error } response
            ? new ProtocolError(error, response.ErrorDescription)
            : null;
}
