using CiamServer.Admin.Access;
using CiamServer.Admin.Console;
using CiamServer.Admin.Keys;
using CiamServer.Protocol.Keys;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Keys;

/// <summary>Confirms retiring a key, which stops it signing now.</summary>
[SuperAdminOnly]
public sealed class RetireModel(KeyAdmin keys) : ConsolePageModel
{
    public string Kid { get; private set; } = string.Empty;

    public void OnGet(string kid) => Kid = kid;

    public async Task<IActionResult> OnPostAsync(string kid, CancellationToken cancellationToken)
    {
        var (outcome, _) = await keys.RetireAsync(kid, cancellationToken);
        StatusMessage = outcome switch
        {
            KeyRetirement.Retired => $"Key {kid} no longer signs; it stays published until its tokens have expired.",
            KeyRetirement.LastKey => $"Key {kid} is the last of its use: rotate first, then retire it.",
            KeyRetirement.NotFound => $"There is no key {kid}.",
            _ => $"Key {kid} is not in use.",
        };
        return Redirect($"{Request.PathBase}/console/keys");
    }
}
