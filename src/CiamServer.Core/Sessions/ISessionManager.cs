namespace CiamServer.Core.Sessions;

/// <summary>Server-side sign-in sessions of the current tenant.</summary>
public interface ISessionManager
{
    /// <summary>Starts a session with a fresh 256-bit id (never reused, so no session fixation).</summary>
    Task<UserSession> StartAsync(Guid userId, IReadOnlyCollection<string> authenticationMethods, SessionDevice device, CancellationToken cancellationToken);

    /// <summary>The session when it is still active (not ended, not idle too long, not past its end), and
    /// marks it seen. Null otherwise.</summary>
    Task<UserSession?> TouchAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The session unless it was ended explicitly (idle expiry does not end offline access).</summary>
    Task<UserSession?> FindNotEndedAsync(string sessionId, CancellationToken cancellationToken);

    Task EndAsync(string sessionId, string reason, CancellationToken cancellationToken);

    /// <summary>Ends every session of a user (password reset, account disabled, sign out everywhere).</summary>
    Task EndAllForUserAsync(Guid userId, string reason, CancellationToken cancellationToken);

    /// <summary>The user's sessions that are still active (their cookie, or refresh tokens issued through them),
    /// most recently used first.</summary>
    Task<IReadOnlyList<UserSession>> ListActiveAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The clients (display name, else client id) that obtained tokens through each session.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ClientsOfAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken);
}

/// <summary>Where a session was started from.</summary>
public sealed record SessionDevice(string? IpAddress, string? UserAgent);

public static class SessionEndReasons
{
    public const string SignOut = "sign_out";
    public const string Expired = "expired";
    public const string PasswordChanged = "password_changed";
    public const string EndedByUser = "ended_by_user";
    public const string SignOutEverywhere = "sign_out_everywhere";
    public const string Administrator = "administrator";

    /// <summary>A code proved an email address the account had never verified: whoever set that account up
    /// may not own the address, so their sessions end.</summary>
    public const string EmailProven = "email_proven";

    /// <summary>A refresh token was presented again after it had been used: stolen or replayed (RFC 9700 4.14.2).</summary>
    public const string RefreshTokenReuse = "refresh_token_reuse";
}
