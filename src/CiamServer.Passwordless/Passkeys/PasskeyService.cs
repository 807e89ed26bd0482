using System.Text.Json;
using CiamServer.Core.Data;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CiamServer.Passwordless.Passkeys;

/// <summary>The two WebAuthn ceremonies: registering a passkey to the signed-in user, and signing in with a
/// discoverable passkey (no user name first, so autofill works). Fido2 does the WebAuthn verification steps;
/// this class adds the state between the steps, the tenant's policy and the credential store.</summary>
public sealed class PasskeyService
{
    private readonly CiamDbContext db;
    private readonly IFido2 fido2;
    private readonly PasskeyChallenges challenges;
    private readonly ITenantContext tenants;
    private readonly TimeProvider clock;
    private readonly ILogger logger;

    internal PasskeyService(CiamDbContext db, IFido2 fido2, PasskeyChallenges challenges, ITenantContext tenants, TimeProvider clock, ILogger<PasskeyService> logger)
    {
        this.db = db;
        this.fido2 = fido2;
        this.challenges = challenges;
        this.tenants = tenants;
        this.clock = clock;
        this.logger = logger;
    }

    private static readonly IReadOnlyList<PubKeyCredParam> Algorithms = [PubKeyCredParam.ES256, PubKeyCredParam.RS256, PubKeyCredParam.Ed25519];

    /// <summary>A user handle is the user id's 16 bytes (big-endian, as the id is written).</summary>
    public static byte[] UserHandleOf(Guid userId) => userId.ToByteArray(bigEndian: true);

    public Task<List<PasskeyCredential>> ListAsync(Guid userId, CancellationToken cancellationToken) =>
        db.PasskeyCredentials.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);

    public async Task<PasskeyCeremony> BeginRegistrationAsync(CiamUser user, CancellationToken cancellationToken)
    {
        var existing = await db.PasskeyCredentials.AsNoTracking().Where(c => c.UserId == user.Id).Select(c => c.CredentialId).ToListAsync(cancellationToken);
        var name = user.Email ?? user.PhoneNumber ?? user.UserName ?? user.Id.ToString();
        var options = fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserHandleOf(user.Id), Name = name, DisplayName = user.DisplayName ?? name },
            ExcludeCredentials = [.. existing.Select(id => new PublicKeyCredentialDescriptor(id))],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = tenants.Required.SignIn.RequirePasskeyAttestation
                ? AttestationConveyancePreference.Direct
                : AttestationConveyancePreference.None,
            PubKeyCredParams = Algorithms,
            Extensions = new AuthenticationExtensionsClientInputs { CredProps = true },
        });
        var json = options.ToJson();
        return new PasskeyCeremony(json, challenges.Protect(PasskeyCeremonyKind.Registration, json));
    }

    public async Task<PasskeyRegistrationResult> CompleteRegistrationAsync(CiamUser user, string? state, string? credentialJson, string name,
        CancellationToken cancellationToken)
    {
        var options = challenges.Unprotect(PasskeyCeremonyKind.Registration, state) is { } json ? CredentialCreateOptions.FromJson(json) : null;
        if (options is null || !options.User.Id.AsSpan().SequenceEqual(UserHandleOf(user.Id)))
        {
            return Refused(PasskeyFailure.Expired, "registration", "state missing, expired or another user's");
        }

        var response = Parse<AuthenticatorAttestationRawResponse>(credentialJson, 65_536);
        if (response?.Response?.AttestationObject is null || response.Response.ClientDataJson is null)
        {
            return Refused(PasskeyFailure.Malformed, "registration", "malformed credential");
        }

        if (!await challenges.UseAsync(options.Challenge, cancellationToken))
        {
            return Refused(PasskeyFailure.Expired, "registration", "challenge already used");
        }

        RegisteredPublicKeyCredential registered;
        try
        {
            registered = await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = options,
                IsCredentialIdUniqueToUserCallback = async (args, token) =>
                    !await db.PasskeyCredentials.AnyAsync(c => c.CredentialId == args.CredentialId, token),
            }, cancellationToken);
        }
        catch (Fido2VerificationException e)
        {
            return Refused(e.Code == Fido2ErrorCode.NonUniqueCredentialId ? PasskeyFailure.AlreadyRegistered : PasskeyFailure.NotRecognized,
                "registration", e.Message);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or NotSupportedException
            or InvalidCastException or KeyNotFoundException or IndexOutOfRangeException or OverflowException or System.Security.Cryptography.CryptographicException)
        {
            // The attestation object is attacker-controlled CBOR; whatever part of it the library trips over is bad input.
            return Refused(PasskeyFailure.Malformed, "registration", e.GetType().Name);
        }

        if (tenants.Required.SignIn.RequirePasskeyAttestation && !ProvesModel(registered))
        {
            return Refused(PasskeyFailure.AttestationRequired, "registration", $"attestation {registered.AttestationFormat}/{registered.AttestationType}");
        }

        var credential = new PasskeyCredential
        {
            UserId = user.Id,
            CredentialId = registered.Id,
            PublicKey = registered.PublicKey,
            UserHandle = UserHandleOf(user.Id),
            SignCount = registered.SignCount,
            Name = name,
            Transports = registered.Transports is { Length: > 0 } transports
                ? string.Join(' ', transports.Select(t => t.ToEnumMemberValue()))
                : null,
            AaGuid = registered.AaGuid,
            AttestationFormat = registered.AttestationFormat,
            IsBackupEligible = registered.IsBackupEligible,
            IsBackedUp = registered.IsBackedUp,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PasskeyCredentials.Add(credential);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one credential at once: the unique index keeps one.
            db.ChangeTracker.Clear();
            return Refused(PasskeyFailure.AlreadyRegistered, "registration", "credential id already stored");
        }

        logger.PasskeyRegistered(credential.Id, user.Id, credential.AttestationFormat);
        return new PasskeyRegistrationResult(credential, null);
    }

    /// <summary>Options for a discoverable sign-in: no allowCredentials (the authenticator offers its passkeys
    /// for this relying party, which is what autofill needs) and user verification required.</summary>
    public PasskeyCeremony BeginSignIn()
    {
        var options = fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Required,
        });
        var json = options.ToJson();
        return new PasskeyCeremony(json, challenges.Protect(PasskeyCeremonyKind.SignIn, json));
    }

    public async Task<PasskeySignInResult> CompleteSignInAsync(string? state, string? credentialJson, CancellationToken cancellationToken)
    {
        var options = challenges.Unprotect(PasskeyCeremonyKind.SignIn, state) is { } json ? AssertionOptions.FromJson(json) : null;
        if (options is null)
        {
            return SignInRefused(PasskeyFailure.Expired, "state missing or expired");
        }

        var response = Parse<AuthenticatorAssertionRawResponse>(credentialJson, 16_384);
        var authenticatorData = TryParseAuthenticatorData(response?.Response?.AuthenticatorData);
        if (response?.RawId is not { Length: > 0 and <= 1023 } || response.Response.ClientDataJson is null
            || response.Response.Signature is null || authenticatorData is null)
        {
            return SignInRefused(PasskeyFailure.Malformed, "malformed credential");
        }

        if (!await challenges.UseAsync(options.Challenge, cancellationToken))
        {
            return SignInRefused(PasskeyFailure.Expired, "challenge already used");
        }

        // The tenant query filter keeps other tenants' credentials out: one of theirs is simply unknown here.
        var credential = await db.PasskeyCredentials.AsNoTracking().SingleOrDefaultAsync(c => c.CredentialId == response.RawId, cancellationToken);
        var user = credential is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == credential.UserId, cancellationToken);
        // A discoverable credential always returns its user handle; it must be the one stored with the credential.
        if (credential is null || user is null || user.Disabled
            || response.Response.UserHandle is not { } handle || !handle.AsSpan().SequenceEqual(credential.UserHandle))
        {
            return SignInRefused(PasskeyFailure.NotRecognized, credential is null ? "unknown credential" : "user handle mismatch or disabled user");
        }

        if (credential.SignCount > 0 && authenticatorData.SignCount <= credential.SignCount)
        {
            logger.PossibleClonedAuthenticator(credential.Id, credential.UserId, authenticatorData.SignCount, credential.SignCount);
            return PasskeySignInResult.Failed(PasskeyFailure.CounterWentBackwards);
        }

        VerifyAssertionResult verified;
        try
        {
            verified = await fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = options,
                StoredPublicKey = credential.PublicKey,
                StoredSignatureCounter = credential.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) =>
                    Task.FromResult(args.UserHandle.AsSpan().SequenceEqual(credential.UserHandle)),
            }, cancellationToken);
        }
        catch (Fido2VerificationException e)
        {
            return SignInRefused(PasskeyFailure.NotRecognized, e.Message);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or NotSupportedException
            or InvalidCastException or KeyNotFoundException or IndexOutOfRangeException or OverflowException or System.Security.Cryptography.CryptographicException)
        {
            return SignInRefused(PasskeyFailure.Malformed, e.GetType().Name);
        }

        // Guarded by the counter read above, so two answers racing with one counter value cannot both pass.
        var stored = credential.SignCount;
        var updated = await db.PasskeyCredentials
            .Where(c => c.Id == credential.Id && c.SignCount == stored)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.SignCount, verified.SignCount)
                .SetProperty(c => c.IsBackedUp, verified.IsBackedUp)
                .SetProperty(c => c.LastUsedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        if (updated == 0)
        {
            logger.PossibleClonedAuthenticator(credential.Id, credential.UserId, verified.SignCount, stored);
            return PasskeySignInResult.Failed(PasskeyFailure.CounterWentBackwards);
        }

        return new PasskeySignInResult(user, MethodsOf(credential, authenticatorData.UserVerified), null);
    }

    /// <summary>RFC 8176: a synced passkey (backup eligible) is a software-secured key, a device-bound one a
    /// hardware-secured key; a passkey that verified the user (PIN, biometrics) is itself multi-factor.</summary>
    public static IReadOnlyList<string> MethodsOf(PasskeyCredential credential, bool userVerified) =>
        userVerified ? [credential.IsBackupEligible ? "swk" : "hwk", "mfa"] : [credential.IsBackupEligible ? "swk" : "hwk"];

    /// <summary>Attestation that names the make and model: not "none", and not self attestation (the credential
    /// key signing for itself proves nothing about the device).</summary>
    private static bool ProvesModel(RegisteredPublicKeyCredential registered) =>
        registered.AttestationFormat != "none"
        && !string.Equals(registered.AttestationType, "none", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(registered.AttestationType, "self", StringComparison.OrdinalIgnoreCase);

    private static T? Parse<T>(string? json, int maxLength)
        where T : class
    {
        if (string.IsNullOrEmpty(json) || json.Length > maxLength)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static AuthenticatorData? TryParseAuthenticatorData(byte[]? bytes)
    {
        if (bytes is not { Length: >= 37 })
        {
            return null;
        }

        try
        {
            return AuthenticatorData.Parse(bytes);
        }
        catch (Exception e) when (e is Fido2VerificationException or ArgumentException or FormatException or InvalidOperationException
            or IndexOutOfRangeException or InvalidCastException or KeyNotFoundException or OverflowException)
        {
            return null;
        }
    }

    private PasskeyRegistrationResult Refused(PasskeyFailure failure, string ceremony, string reason)
    {
        logger.PasskeyRefused(ceremony, reason);
        return new PasskeyRegistrationResult(null, failure);
    }

    private PasskeySignInResult SignInRefused(PasskeyFailure failure, string reason)
    {
        logger.PasskeyRefused("sign-in", reason);
        return PasskeySignInResult.Failed(failure);
    }
}
