namespace CiamServer.Protocol.BackchannelLogout;

/// <summary>One logout token to POST to one client's back-channel logout endpoint.</summary>
internal sealed record LogoutDelivery(Uri Endpoint, string LogoutToken, string ClientId);
