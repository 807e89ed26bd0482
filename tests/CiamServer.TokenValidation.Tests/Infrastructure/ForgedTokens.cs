using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace CiamServer.TokenValidation.Tests.Infrastructure;

/// <summary>Ways an attacker may alter a real token: each must be refused.</summary>
internal static class ForgedTokens
{
    public const string AttackerKeyId = "attacker-key";

    public static string TamperedSignature(string token)
    {
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        var middle = signature.Length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        return $"{parts[0]}.{parts[1]}.{new string(signature)}";
    }

    /// <summary>Another subject, the original signature.</summary>
    public static string TamperedPayload(string token)
    {
        var parts = token.Split('.');
        var payload = Decode(parts[1]);
        payload["sub"] = "someone-else";
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    /// <summary>alg "none" and no signature.</summary>
    public static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "at+jwt" };
        return $"{Encode(header)}.{parts[1]}.";
    }

    /// <summary>The original claims signed by the attacker's key, with extra header parameters pointing
    /// at that key (jku, jwk) for a validator naive enough to follow them.</summary>
    public static string SignedByAttacker(string token, RSA attackerKey, JsonObject extraHeader)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "at+jwt", ["kid"] = AttackerKeyId };
        foreach (var (name, value) in extraHeader)
        {
            header[name] = value?.DeepClone();
        }

        var signingInput = $"{Encode(header)}.{token.Split('.')[1]}";
        var signature = attackerKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{WebEncoders.Base64UrlEncode(signature)}";
    }

    public static JsonObject PublicJwk(RSA key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["kid"] = AttackerKeyId,
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["n"] = WebEncoders.Base64UrlEncode(parameters.Modulus!),
            ["e"] = WebEncoders.Base64UrlEncode(parameters.Exponent!),
        };
    }

    private static JsonObject Decode(string segment) =>
        JsonNode.Parse(WebEncoders.Base64UrlDecode(segment))!.AsObject();

    private static string Encode(JsonObject json) =>
        WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(json));
}
