using Microsoft.AspNetCore.Http;

namespace CiamServer.Core.Protocol;

/// <summary>Lets the error page show a protocol error (an authorization request that could not be sent
/// back to the client) without the pages knowing the protocol library.</summary>
public interface IProtocolErrorSource
{
    ProtocolError? Find(HttpContext context);
}

public sealed record ProtocolError(string Error, string? Description);
