using System.Net;
using CiamServer.Core.Email;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Tenancy;
using CiamServer.Login.Cookies;
using CiamServer.Passwordless;
using CiamServer.Passwordless.Codes;
using CiamServer.Passwordless.Sms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CiamServer.Login.Infrastructure;

/// <summary>Creates a one-time code bound to this browser and sends it (and, where the tenant offers them, a
/// magic link) by email or text message.</summary>
public sealed class CodeDelivery(
    OneTimeCodeService codes,
    CodeSendThrottle throttle,
    BrowserBinding browser,
    IEmailSender email,
    ISmsSender sms,
    ITenantContext tenants,
    IOptions<PasswordlessOptions> options,
    IStringLocalizer<LoginText> localizer)
{
    private int LifetimeMinutes => (int)Math.Ceiling(options.Value.CodeLifetime.TotalMinutes);

    /// <summary>The code's id (the flow the code page shows), or null when this recipient or address has asked
    /// for too many codes this hour. With <c>send</c> false the code is created but not sent: recovery answers
    /// the same way for an address that cannot recover, and nobody learns which addresses have accounts.</summary>
    public async Task<Guid?> SendByEmailAsync(HttpContext context, string address, OneTimeCodePurpose purpose, string returnUrl, bool send = true)
    {
        var cancellationToken = context.RequestAborted;
        var recipient = address.Trim().ToUpperInvariant();
        if (!await throttle.TryAcquireAsync(recipient, context.Connection.RemoteIpAddress?.ToString(), cancellationToken))
        {
            return null;
        }

        var policy = tenants.Required.SignIn;
        var withLink = purpose == OneTimeCodePurpose.SignIn && policy.EmailLink;
        var issued = await codes.IssueAsync(
            new CodeRequest(purpose, OneTimeCodeChannel.Email, recipient, returnUrl, browser.GetOrCreate(context), withLink), cancellationToken);
        if (send)
        {
            await email.SendAsync(ComposeEmail(context.Request, address.Trim(), issued, showCode: purpose != OneTimeCodePurpose.SignIn || policy.EmailCode),
                cancellationToken);
        }

        return issued.Row.Id;
    }

    public async Task<Guid?> SendBySmsAsync(HttpContext context, string e164, string returnUrl,
        OneTimeCodePurpose purpose = OneTimeCodePurpose.SignIn)
    {
        var cancellationToken = context.RequestAborted;
        if (!await throttle.TryAcquireAsync(e164, context.Connection.RemoteIpAddress?.ToString(), cancellationToken))
        {
            return null;
        }

        var issued = await codes.IssueAsync(
            new CodeRequest(purpose, OneTimeCodeChannel.Sms, e164, returnUrl, browser.GetOrCreate(context), WithLink: false),
            cancellationToken);
        // The origin-bound format (WebOTP, "@host #code") lets phones offer the code for this site only.
        var host = context.Request.Host.Host;
        await sms.SendAsync(new SmsMessage(e164,
            localizer["{0} is your {1} code. It expires in {2} minutes. Don't share it.", issued.Code, tenants.Required.DisplayName, LifetimeMinutes] + $"\n\n@{host} #{issued.Code}"),
            cancellationToken);
        return issued.Row.Id;
    }

    private EmailMessage ComposeEmail(HttpRequest request, string to, IssuedCode issued, bool showCode)
    {
        var tenantName = tenants.Required.DisplayName;
        var subject = issued.Row.Purpose switch
        {
            OneTimeCodePurpose.Recovery => localizer["Recover your {0} account", tenantName],
            OneTimeCodePurpose.SecondFactor => localizer["Your {0} verification code", tenantName],
            _ => localizer["Sign in to {0}", tenantName],
        };
        var text = new List<string>();
        var html = new List<string>();
        if (issued.LinkToken is not null)
        {
            var link = EmailLinks.To(request, "/account/magic-link", new Dictionary<string, string?> { ["token"] = issued.LinkToken });
            text.Add($"{localizer["Open this link to sign in:"]}\n\n{link}");
            html.Add($"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(localizer["Sign in to {0}", tenantName])}</a></p>");
        }

        if (showCode)
        {
            var intro = (issued.LinkToken is null ? localizer["Your code is"] : localizer["Or type this code on the sign-in page"]).Value;
            text.Add($"{intro}: {issued.Code}");
            html.Add($"<p>{WebUtility.HtmlEncode(intro)}:</p><p style=\"font-size:1.5em;letter-spacing:.2em\"><strong>{issued.Code}</strong></p>");
        }

        var footer = localizer["It works once, for {0} minutes. If you did not ask for it, ignore this message: nobody can sign in without it.", LifetimeMinutes].Value;
        text.Add(footer);
        html.Add($"<p>{WebUtility.HtmlEncode(footer)}</p>");
        return new EmailMessage(to, subject, string.Join("\n\n", text), string.Concat(html));
    }
}
