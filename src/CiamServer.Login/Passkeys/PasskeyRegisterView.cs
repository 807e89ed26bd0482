namespace CiamServer.Login.Passkeys;

/// <summary>The "Add a passkey" partial: the passkeys page whose JSON steps it calls, and where to go after.</summary>
public sealed record PasskeyRegisterView(string Endpoint, string? ReturnUrl);
