namespace CiamServer.Core.Localization;

/// <summary>The languages the hosted pages are written in (English first: the default). The Login module picks one
/// per request; discovery advertises them as ui_locales_supported.</summary>
public static class HostedPageLanguages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = [Default, "fr"];
}
