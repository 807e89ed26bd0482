using System.Net;
using CiamServer.Core.Email;
using CiamServer.Core.Users;
using CiamServer.Login.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

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
        var text = request.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<LoginText>>();
        var (intro, outro) = (text["Open this link to verify your email address:"], text["If you did not create an account, ignore this message."]);
        await email.SendAsync(new EmailMessage(
            user.Email!,
            text["Verify your email address"],
            $"{intro}\n\n{link}\n\n{outro}",
            $"<p>{WebUtility.HtmlEncode(intro)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(text["Verify my email address"])}</a></p>" +
            $"<p>{WebUtility.HtmlEncode(outro)}</p>"), cancellationToken);
    }
}
