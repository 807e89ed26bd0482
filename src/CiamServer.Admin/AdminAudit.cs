using CiamServer.Core.Audit;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Admin;

/// <summary>Records an admin write in the audit log of the current tenant: who (the token's client or the signed-in
/// admin), what, on what, from where, and before/after data. Call it after the change is saved, and never pass
/// secrets (hashes, client secrets, TOTP keys) in the data.</summary>
public sealed class AdminAudit(IAuditLog log, IHttpContextAccessor accessor)
{
    public Task WriteAsync(string action, string targetType, string targetId, object? data, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("Admin writes are audited within a request.");
        return log.WriteAsync(AdminActor.Entry(context, action, targetType, targetId, data), cancellationToken);
    }

    /// <summary>The usual shape of an update's data: what it was and what it became.</summary>
    public static object Change(object? before, object? after) => new { before, after };
}
