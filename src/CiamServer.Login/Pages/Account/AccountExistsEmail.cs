using CiamServer.Core.Email;
using CiamServer.Core.Users;
using CiamServer.Login.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CiamServer.Login.Pages.Account;

/// <summary>Sent when someone signs up with an address that has an account: the owner learns of it,
/// the person at the sign-up form learns nothing.</summary>
internal static class AccountExistsEmail
{
    public static Task SendAsync(IEmailSender email, HttpRequest request, CiamUser user, CancellationToken cancellationToken)
    {
        var signIn = EmailLinks.To(request, "/account/login", new Dictionary<string, string?>());
        var reset = EmailLinks.To(request, "/account/forgot-password", new Dictionary<string, string?>());
        var text = request.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<LoginText>>();
        return email.SendAsync(new EmailMessage(
            user.Email!,
            text["You already have an account"],
            text["Someone tried to create an account with this email address, which already has one.\n\nIf it was you, sign in: {0}\nForgot your password? Reset it: {1}\n\nIf it was not you, you can ignore this message.", signIn, reset]),
            cancellationToken);
    }
}
