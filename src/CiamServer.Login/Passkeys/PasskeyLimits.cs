namespace CiamServer.Login.Passkeys;

internal static class PasskeyLimits
{
    /// <summary>A passkey answer is a few kilobytes (an attestation with certificates, some more); anything
    /// far bigger is refused before it is read.</summary>
    public const int RequestBytes = 128 * 1024;
}
