using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace CiamServer.Testing.Passkeys;

/// <summary>A WebAuthn authenticator in code, for tests that talk HTTP without a browser: one ES256 (P-256)
/// discoverable credential, attestation "none", and the browser's part too (clientDataJSON with the
/// challenge and origin). Its answers are the JSON a browser's <c>credential.toJSON()</c> gives.</summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte UserVerifiedFlag = 0x04;
    private const byte BackupEligibleFlag = 0x08;
    private const byte BackedUpFlag = 0x10;
    private const byte AttestedCredentialData = 0x40;

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>The user handle received at registration, returned with every assertion.</summary>
    public byte[]? UserHandle { get; set; }

    /// <summary>The signature counter; each assertion adds one first (0 stays 0 when <see cref="CountsSignatures"/> is off).</summary>
    public uint Counter { get; set; }

    public bool CountsSignatures { get; init; } = true;

    /// <summary>A synced passkey (BE and BS set) rather than a device-bound one.</summary>
    public bool BackupEligible { get; init; }

    public bool UserVerified { get; init; } = true;

    /// <summary>Overrides the RP id the authenticator data is made for (a phishing site's, in tests).</summary>
    public string? RelyingPartyIdOverride { get; set; }

    /// <summary>Answers navigator.credentials.create() with these options (the server's JSON) at this origin.</summary>
    public string Register(JsonElement options, string origin)
    {
        var rpId = RelyingPartyIdOverride ?? options.GetProperty("rp").GetProperty("id").GetString()!;
        UserHandle = WebEncoders.Base64UrlDecode(options.GetProperty("user").GetProperty("id").GetString()!);
        var clientData = ClientData("webauthn.create", options.GetProperty("challenge").GetString()!, origin);
        var authenticatorData = AuthenticatorData(rpId, withCredential: true);

        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(3);
        cbor.WriteTextString("fmt");
        cbor.WriteTextString("none");
        cbor.WriteTextString("attStmt");
        cbor.WriteStartMap(0);
        cbor.WriteEndMap();
        cbor.WriteTextString("authData");
        cbor.WriteByteString(authenticatorData);
        cbor.WriteEndMap();

        return new JsonObject
        {
            ["id"] = WebEncoders.Base64UrlEncode(CredentialId),
            ["rawId"] = WebEncoders.Base64UrlEncode(CredentialId),
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = WebEncoders.Base64UrlEncode(clientData),
                ["attestationObject"] = WebEncoders.Base64UrlEncode(cbor.Encode()),
                ["transports"] = new JsonArray("internal"),
            },
        }.ToJsonString();
    }

    /// <summary>Answers navigator.credentials.get() with these options at this origin, counting one signature.</summary>
    public string Assert(JsonElement options, string origin)
    {
        var rpId = RelyingPartyIdOverride ?? options.GetProperty("rpId").GetString()!;
        if (CountsSignatures)
        {
            Counter++;
        }

        var clientData = ClientData("webauthn.get", options.GetProperty("challenge").GetString()!, origin);
        var authenticatorData = AuthenticatorData(rpId, withCredential: false);
        var signature = _key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence);
        return new JsonObject
        {
            ["id"] = WebEncoders.Base64UrlEncode(CredentialId),
            ["rawId"] = WebEncoders.Base64UrlEncode(CredentialId),
            ["type"] = "public-key",
            ["clientExtensionResults"] = new JsonObject(),
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = WebEncoders.Base64UrlEncode(clientData),
                ["authenticatorData"] = WebEncoders.Base64UrlEncode(authenticatorData),
                ["signature"] = WebEncoders.Base64UrlEncode(signature),
                ["userHandle"] = UserHandle is null ? null : WebEncoders.Base64UrlEncode(UserHandle),
            },
        }.ToJsonString();
    }

    private static byte[] ClientData(string type, string challenge, string origin) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = type,
            ["challenge"] = challenge,
            ["origin"] = origin,
            ["crossOrigin"] = false,
        }));

    /// <summary>rpIdHash, flags, counter, and at registration the attested credential data (all-zero AAGUID,
    /// credential id, COSE public key).</summary>
    private byte[] AuthenticatorData(string rpId, bool withCredential)
    {
        var flags = (byte)(UserPresent | (UserVerified ? UserVerifiedFlag : 0) | (BackupEligible ? BackupEligibleFlag | BackedUpFlag : 0)
            | (withCredential ? AttestedCredentialData : 0));
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId))) { flags };
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, Counter);
        data.AddRange(counter);
        if (withCredential)
        {
            data.AddRange(new byte[16]);
            var length = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)CredentialId.Length);
            data.AddRange(length);
            data.AddRange(CredentialId);
            data.AddRange(CosePublicKey());
        }

        return [.. data];
    }

    private byte[] CosePublicKey()
    {
        var point = _key.ExportParameters(false).Q;
        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(5);
        cbor.WriteInt32(1); // kty: EC2
        cbor.WriteInt32(2);
        cbor.WriteInt32(3); // alg: ES256
        cbor.WriteInt32(-7);
        cbor.WriteInt32(-1); // crv: P-256
        cbor.WriteInt32(1);
        cbor.WriteInt32(-2); // x
        cbor.WriteByteString(point.X!);
        cbor.WriteInt32(-3); // y
        cbor.WriteByteString(point.Y!);
        cbor.WriteEndMap();
        return cbor.Encode();
    }

    public void Dispose() => _key.Dispose();
}
