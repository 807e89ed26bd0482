using System.Net;
using CiamServer.Core.Email;

namespace CiamServer.Admin.Users;

/// <summary>The invitation an administrator sends: the password-reset link of the hosted pages, worded as a welcome.</summary>
internal static class UserActionsEmails
{
    public static EmailMessage Invitation(string to, string tenantName, string link)
    {
        var name = WebUtility.HtmlEncode(tenantName);
        return new EmailMessage(
            to,
            $"You are invited to {tenantName}",
            $"An account at {tenantName} has been set up for you. Open this link to choose your password:\n\n{link}\n\n" +
            "The link works once and expires in a day. If you did not expect this, ignore this message.",
            $"<p>An account at {name} has been set up for you.</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Choose your password</a></p>" +
            "<p>The link works once and expires in a day. If you did not expect this, ignore this message.</p>");
    }
}
