using System.Net;
using CiamServer.Risk.Networks;

namespace CiamServer.UnitTests.Risk;

[Trait("Category", "Unit")]
[Trait("Category", "Risk")]
public sealed class CidrTests
{
    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.0/24")]
    [InlineData(" 203.0.113.77/24 ", "203.0.113.0/24")] // Host bits cleared, spaces trimmed.
    [InlineData("10.1.2.3/8", "10.0.0.0/8")]
    [InlineData("192.0.2.7", "192.0.2.7/32")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("2001:db8:abcd:12::1/48", "2001:db8:abcd::/48")]
    [InlineData("2001:db8::1", "2001:db8::1/128")]
    [InlineData("::ffff:192.0.2.0/120", "192.0.2.0/24")]
    public void TryParse_Valid_Normalised(string text, string expected)
    {
        Assert.True(Cidr.TryParse(text, out var network));
        Assert.Equal(expected, network.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("203.0.113.0/33")]
    [InlineData("203.0.113.0/-1")]
    [InlineData("203.0.113.0/")]
    [InlineData("203.0.113.0/24/1")]
    [InlineData("2001:db8::/129")]
    [InlineData("203.0.113/24x")]
    public void TryParse_Invalid_False(string? text) => Assert.False(Cidr.TryParse(text, out _));

    [Theory]
    [InlineData("203.0.113.200", "203.0.113.0/24")]
    [InlineData("::ffff:203.0.113.200", "203.0.113.0/24")]
    [InlineData("2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd::/48")]
    public void NetworkOf_Address_V4Slash24V6Slash48(string address, string expected) =>
        Assert.Equal(expected, Cidr.NetworkOf(IPAddress.Parse(address)).ToString());

    [Fact]
    public void CidrTable_Overlapping_LongestPrefixWins()
    {
        var table = new CidrTable<string>();
        Add(table, "10.0.0.0/8", "wide");
        Add(table, "10.1.0.0/16", "narrow");
        Add(table, "10.1.2.3", "host");
        Add(table, "2001:db8::/32", "v6");

        Assert.Equal("host", Find(table, "10.1.2.3"));
        Assert.Equal("narrow", Find(table, "10.1.9.9"));
        Assert.Equal("wide", Find(table, "10.200.0.1"));
        Assert.Equal("wide", Find(table, "::ffff:10.200.0.1"));
        Assert.Equal("v6", Find(table, "2001:db8:ffff::1"));
        Assert.Null(Find(table, "11.0.0.1"));
        Assert.Null(Find(table, "2001:db9::1"));
        Assert.Equal(4, table.Count);
    }

    [Fact]
    public void CidrTable_DefaultRoute_MatchesEverythingOfItsFamily()
    {
        var table = new CidrTable<string>();
        Add(table, "0.0.0.0/0", "any v4");

        Assert.Equal("any v4", Find(table, "198.51.100.1"));
        Assert.Null(Find(table, "2001:db8::1"));
    }

    [Fact]
    public void CidrTable_ManyHosts_OneLookupPerPrefixLength()
    {
        var table = new CidrTable<int>();
        for (var i = 0; i < 5000; i++)
        {
            Assert.True(Cidr.TryParse($"100.64.{i / 256}.{i % 256}", out var host));
            table.Add(host, i);
        }

        Assert.True(table.TryFind(IPAddress.Parse("100.64.19.135"), out var found));
        Assert.Equal((19 * 256) + 135, found);
        Assert.False(table.TryFind(IPAddress.Parse("100.65.0.0"), out _));
    }

    private static void Add(CidrTable<string> table, string cidr, string value)
    {
        Assert.True(Cidr.TryParse(cidr, out var network));
        table.Add(network, value);
    }

    private static string? Find(CidrTable<string> table, string address) =>
        table.TryFind(IPAddress.Parse(address), out var value) ? value : null;
}
