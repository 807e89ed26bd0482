using System.Text.Json;
using CiamServer.Passwordless.Passkeys;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Login.Passkeys;

/// <summary>The JSON answers of the passkey endpoints: options with their protected state, where to go next,
/// or a message to show (never an exception page: bad input is a 400 with a sentence).</summary>
internal static class PasskeyJson
{
    public const string Expired = "The passkey request has expired. Try again.";
    public const string Malformed = "The answer from your passkey could not be read. Try again.";
    public const string NotRecognized = "This passkey is not recognised here. Sign in another way, then add a new passkey from your account.";

    public static JsonResult Options(PasskeyCeremony ceremony) =>
        new(new { options = JsonSerializer.Deserialize<JsonElement>(ceremony.OptionsJson), state = ceremony.State });

    public static JsonResult Redirect(string url) => new(new { redirect = url });

    public static JsonResult Error(string message, string? signInUrl = null, int status = StatusCodes.Status400BadRequest) =>
        new(signInUrl is null ? new { error = message } : new { error = message, signInUrl }) { StatusCode = status };

    public static string MessageFor(PasskeyFailure? failure) => failure switch
    {
        PasskeyFailure.Malformed => Malformed,
        PasskeyFailure.Expired => Expired,
        PasskeyFailure.AttestationRequired =>
            "This passkey does not show which device made it, which this service requires. Use a security key or another device.",
        PasskeyFailure.AlreadyRegistered => "This passkey is already registered.",
        _ => NotRecognized,
    };
}
