using System.Net;
using CiamServer.Risk;
using CiamServer.Risk.Networks;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CiamServer.UnitTests.Risk;

[Trait("Category", "Unit")]
[Trait("Category", "Risk")]
public sealed class RiskAddressListsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciam-risk-lists-").FullName;

    [Fact]
    public void AnonymizerFile_CommentsAndBlankLinesSkipped_EntriesMatched()
    {
        var path = Path.Combine(_folder, "tor-exits.txt");
        File.WriteAllLines(path, ["# Tor exit nodes, fetched 2026-11-30", "", "192.0.2.7", "  198.51.100.0/25 # a proxy provider", "2001:db8::5"]);
        var lists = new RiskAddressLists(MsOptions.Create(new RiskOptions { AnonymizerListPath = path }));

        Assert.Equal(3, lists.AnonymizerCount);
        Assert.Equal("192.0.2.7/32", lists.AnonymizerMatch(IPAddress.Parse("192.0.2.7")));
        Assert.Equal("198.51.100.0/25", lists.AnonymizerMatch(IPAddress.Parse("::ffff:198.51.100.99")));
        Assert.Equal("2001:db8::5/128", lists.AnonymizerMatch(IPAddress.Parse("2001:db8::5")));
        Assert.Null(lists.AnonymizerMatch(IPAddress.Parse("198.51.100.200")));
        Assert.Null(lists.DenyListMatch(IPAddress.Parse("192.0.2.7")));
    }

    [Fact]
    public async Task Engine_AnonymizerListed_StepsUpAlone()
    {
        var path = Path.Combine(_folder, "tor-exits.txt");
        File.WriteAllLines(path, [RiskTestKit.Tokyo]);
        var kit = new RiskTestKit();
        kit.Options.AnonymizerListPath = path;

        var assessment = await kit.AssessAsync(RiskTestKit.Tokyo);

        Assert.Equal("anonymizer", Assert.Single(assessment.Reasons).Signal);
        Assert.Equal(RiskDecision.StepUp, assessment.Decision);
        Assert.Equal(RiskTestKit.Tokyo + "/32", assessment.Inputs.AnonymizerMatch);
    }

    [Fact]
    public void DenyList_Entries_MatchedWithTheirCidr()
    {
        var options = new RiskOptions();
        options.DenyList.Add("203.0.113.0/24");
        options.DenyList.Add("2001:db8:bad::/48");
        var lists = new RiskAddressLists(MsOptions.Create(options));

        Assert.Equal("203.0.113.0/24", lists.DenyListMatch(IPAddress.Parse("203.0.113.1")));
        Assert.Equal("2001:db8:bad::/48", lists.DenyListMatch(IPAddress.Parse("2001:db8:bad:1::1")));
        Assert.Null(lists.DenyListMatch(IPAddress.Parse("203.0.114.1")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
