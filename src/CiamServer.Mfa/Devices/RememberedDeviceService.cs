using System.Security.Cryptography;
using System.Text;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Mfa;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CiamServer.Mfa.Devices;

/// <summary>"Remember this device": after a second factor, the browser gets a random 256-bit token in a cookie
/// (encrypted and signed with Data Protection, bound to the tenant); the database keeps only the token's SHA-256,
/// with the user, a description of the browser and the expiry, so the user can list and revoke devices.</summary>
public sealed class RememberedDeviceService(
    CiamDbContext db,
    IDataProtectionProvider dataProtection,
    ITenantContext tenants,
    IConfiguration configuration,
    TimeProvider clock,
    IAuditLog audit,
    IHttpContextAccessor http)
{
    public const string ProtectorPurpose = "CiamServer.Mfa.RememberedDevice";

    public const int MaxDays = 365;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Tenant Tenant => tenants.Required;

    private IDataProtector Protector => dataProtection.CreateProtector(ProtectorPurpose, Tenant.Id.ToString("N"));

    /// <summary>Remembers this browser for <paramref name="user"/> for <paramref name="days"/> days (1 to 365; the
    /// caller applies the tenant's policy, where 0 means the feature is off). A token this browser held before is revoked.</summary>
    public async Task RememberAsync(HttpContext context, CiamUser user, int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        if (TokenHashOf(context) is { } previous)
        {
            await db.RememberedDevices.Where(d => d.TokenHash == previous && d.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.RevokedAt, Now), cancellationToken);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var description = DeviceDescription.Describe(context.Request.Headers.UserAgent.ToString());
        var device = new RememberedDevice
        {
            UserId = user.Id,
            TokenHash = Hash(token),
            Description = description.Length <= 200 ? description : description[..200],
            CreatedAt = Now,
            ExpiresAt = Now.AddDays(days),
        };
        db.RememberedDevices.Add(device);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Cookies.Append(DeviceCookie.Name(configuration, Tenant), Protector.Protect(token),
            DeviceCookie.Options(configuration, context.Request, device.ExpiresAt));
        await audit.WriteUserActionAsync(http, user.Id, MfaAuditActions.DeviceRemembered, new { deviceId = device.Id, days }, cancellationToken);
    }

    /// <summary>True when this browser carries a token remembered for <paramref name="userId"/>, not revoked and not
    /// expired; then its last use is now. One UPDATE checks and records it.</summary>
    public async Task<bool> IsRememberedAsync(HttpContext context, Guid userId, CancellationToken cancellationToken)
    {
        if (TokenHashOf(context) is not { } hash)
        {
            return false;
        }

        var now = Now;
        return await db.RememberedDevices
            .Where(d => d.TokenHash == hash && d.UserId == userId && d.RevokedAt == null && d.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LastUsedAt, now), cancellationToken) == 1;
    }

    /// <summary>The user's devices still remembered (neither revoked nor expired), most recent first.</summary>
    public async Task<IReadOnlyList<RememberedDevice>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = Now;
        return await db.RememberedDevices.AsNoTracking()
            .Where(d => d.UserId == userId && d.RevokedAt == null && d.ExpiresAt > now)
            .OrderByDescending(d => d.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="device"/> is the browser of this request.</summary>
    public bool IsThisDevice(HttpContext context, RememberedDevice device) =>
        TokenHashOf(context) is { } hash && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(device.TokenHash));

    /// <summary>Revokes one device of the user; false when it is not theirs or is already revoked.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        var now = Now;
        var revoked = await db.RememberedDevices.Where(d => d.Id == id && d.UserId == userId && d.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.RevokedAt, now), cancellationToken);
        if (revoked == 1)
        {
            await audit.WriteUserActionAsync(http, userId, MfaAuditActions.DeviceRevoked, new { deviceId = id }, cancellationToken);
        }

        return revoked == 1;
    }

    /// <summary>Revokes every device of the user ("forget all devices"); the number revoked.</summary>
    public async Task<int> RevokeAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = Now;
        var revoked = await db.RememberedDevices.Where(d => d.UserId == userId && d.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.RevokedAt, now), cancellationToken);
        if (revoked > 0)
        {
            await audit.WriteUserActionAsync(http, userId, MfaAuditActions.AllDevicesRevoked, new { count = revoked }, cancellationToken);
        }

        return revoked;
    }

    /// <summary>The hash of the token in this browser's cookie, or null when there is no valid cookie.</summary>
    private string? TokenHashOf(HttpContext context)
    {
        if (context.Request.Cookies[DeviceCookie.Name(configuration, Tenant)] is not { Length: > 0 and <= DeviceCookie.MaxValueLength } value)
        {
            return null;
        }

        try
        {
            return Hash(Protector.Unprotect(value));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
