using System.Net;
using CiamServer.Core.Email;
using CiamServer.Core.Users;
using CiamServer.Login.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace CiamServer.Login.Pages.Account;

/// <summary>The email with the link that proves the address belongs to the user.</summary>
internal static class VerificationEmail
{
    public static async Task SendAsync(UserManager<CiamUser> users, IEmailSender email, HttpRequest request, CiamUser user,
        string? returnUrl, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = EmailLinks.To(request, "/account/verify-email", new Dictionary<string, string?>
        {
            ["userId"] = user.Id.ToString(),
            ["code"] = token,
            ["returnUrl"] = ReturnUrls.Safe(request, returnUrl),
        });
        await email.SendAsync(new EmailMessage(
            user.Email!,
            "Verify your email address",
            $"Open this link to verify your email address:\n\n{link}\n\nIf you did not create an account, ignore this message.",
            $"<p>Open this link to verify your email address:</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Verify my email address</a></p>" +
            "<p>If you did not create an account, ignore this message.</p>"), cancellationToken);
    }
}
