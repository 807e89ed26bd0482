using System.Globalization;
using System.Security.Claims;

namespace CiamServer.Protocol.Issuance;

internal static class ClaimValues
{
    /// <summary>A claim as JSON wants it: booleans and numbers unquoted (email_verified, updated_at).</summary>
    public static object ToJsonValue(Claim claim) => claim.ValueType switch
    {
        ClaimValueTypes.Boolean => bool.Parse(claim.Value),
        ClaimValueTypes.Integer64 or ClaimValueTypes.Integer => long.Parse(claim.Value, CultureInfo.InvariantCulture),
        _ => claim.Value,
    };
}
