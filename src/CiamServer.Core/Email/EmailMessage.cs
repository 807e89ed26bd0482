namespace CiamServer.Core.Email;

/// <summary>A message to one recipient, with a plain-text body and an optional HTML body.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);
