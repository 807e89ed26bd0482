using CiamServer.Core.Tenancy;
using CiamServer.Core.Throttling;
using Microsoft.Extensions.Options;

namespace CiamServer.Passwordless.Codes;

/// <summary>Limits how many codes are sent per recipient and per IP address each hour. Codes go to any address,
/// with or without an account (sign-up runs through the same flow), so saying "too many" reveals nothing.</summary>
public sealed class CodeSendThrottle(ICounterStore counters, ITenantContext tenants, IOptions<PasswordlessOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Counts this request; false when the recipient or the address has had its share this hour.</summary>
    public async Task<bool> TryAcquireAsync(string recipient, string? address, CancellationToken cancellationToken)
    {
        var tenant = tenants.Required.Id.ToString("N");
        var perRecipient = await counters.IncrementAsync($"ciam:{tenant}:otp-send:to:{recipient.ToUpperInvariant()}", Window, cancellationToken);
        var perAddress = address is null ? 0 : await counters.IncrementAsync($"ciam:{tenant}:otp-send:ip:{address}", Window, cancellationToken);
        return perRecipient <= options.Value.MaxCodesPerRecipientPerHour && perAddress <= options.Value.MaxCodesPerAddressPerHour;
    }
}
