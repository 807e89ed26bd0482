namespace CiamServer.Risk;

/// <summary>Where the engine learns what is usual for a user. The default reads the tenant's
/// <c>sign_in_attempts</c>; a host may register its own before <c>AddCiamRisk</c>.</summary>
public interface ISignInHistory
{
    /// <summary>The user's last <paramref name="count"/> successful sign-ins in the current tenant, newest first.</summary>
    Task<IReadOnlyList<PastSignIn>> RecentSuccessfulAsync(Guid userId, int count, CancellationToken ct);
}
