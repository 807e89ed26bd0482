using CiamServer.Core.Audit;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Mfa;

/// <summary>The audit actions of this module (dotted names, as AuditEvent.Action documents). Entries name the user and what changed, never a secret or a code.</summary>
public static class MfaAuditActions
{
    public const string TotpEnrolled = "mfa.totp_enrolled";
    public const string TotpRemoved = "mfa.totp_removed";
    public const string RecoveryCodesGenerated = "mfa.recovery_codes_generated";
    public const string RecoveryCodesDeleted = "mfa.recovery_codes_deleted";
    public const string RecoveryCodeRedeemed = "mfa.recovery_code_used";
    public const string DeviceRemembered = "mfa.device_remembered";
    public const string DeviceRevoked = "mfa.device_revoked";
    public const string AllDevicesRevoked = "mfa.devices_all_revoked";
}

internal static class MfaAudit
{
    /// <summary>An entry by the user about their own account, with the request's address when there is one.</summary>
    public static Task WriteUserActionAsync(this IAuditLog log, IHttpContextAccessor http, Guid userId, string action, object? data,
        CancellationToken cancellationToken)
    {
        var id = userId.ToString();
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return log.WriteAsync(new AuditEntry("user", id, action, "user", id, data, ip), cancellationToken);
    }
}
