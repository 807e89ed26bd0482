namespace CiamServer.Login.Infrastructure;

/// <summary>An email address as shown back to its owner with most of the local part hidden ("da•••@example.com"):
/// enough to recognise, not enough to learn someone's address from a shared screen.</summary>
internal static class RecipientMask
{
    public static string Email(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 2 ? email : email[..2] + new string('•', Math.Min(at - 2, 5)) + email[at..];
    }
}
