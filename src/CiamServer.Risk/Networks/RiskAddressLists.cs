using System.Net;
using Microsoft.Extensions.Options;

namespace CiamServer.Risk.Networks;

/// <summary>The deny list (<c>Ciam:Risk:DenyList</c>) and the anonymising networks
/// (<c>Ciam:Risk:AnonymizerListPath</c>), parsed once. Bad entries were refused at start-up by the validator.</summary>
internal sealed class RiskAddressLists
{
    private readonly CidrTable<string> _deny;
    private readonly CidrTable<string> _anonymizers;

    public RiskAddressLists(IOptions<RiskOptions> options)
    {
        var settings = options.Value;
        _deny = Table(settings.DenyList);
        _anonymizers = settings.AnonymizerListPath is { Length: > 0 } path ? Table(ReadListFile(path).Select(l => l.Text)) : new();
    }

    public int AnonymizerCount => _anonymizers.Count;

    /// <summary>The deny-list entry the address falls in, or null.</summary>
    public string? DenyListMatch(IPAddress address) => _deny.TryFind(address, out var entry) ? entry : null;

    public string? AnonymizerMatch(IPAddress address) => _anonymizers.TryFind(address, out var entry) ? entry : null;

    /// <summary>The entries of a list file with their line numbers: blank lines and <c>#</c> comments
    /// (whole lines or after an entry) left out.</summary>
    public static IEnumerable<(int Line, string Text)> ReadListFile(string path) =>
        File.ReadLines(path)
            .Select((line, index) => (Line: index + 1, Text: StripComment(line)))
            .Where(entry => entry.Text.Length > 0);

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    private static CidrTable<string> Table(IEnumerable<string> entries)
    {
        var table = new CidrTable<string>();
        foreach (var entry in entries)
        {
            if (Cidr.TryParse(entry, out var network))
            {
                table.Add(network, network.ToString());
            }
        }

        return table;
    }
}
