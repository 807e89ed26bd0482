using System.Net;
using CiamServer.Core.Geo;
using CiamServer.Risk;
using CiamServer.Risk.Geo;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CiamServer.UnitTests.Risk;

/// <summary>Places from the configured networks and from a MaxMind DB file the test writes itself.</summary>
[Trait("Category", "Unit")]
[Trait("Category", "Risk")]
public sealed class RiskGeoTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciam-risk-geo-").FullName;

    [Fact]
    public void StaticList_LongestPrefix_CountryAndCoordinates()
    {
        var options = new RiskOptions();
        options.Networks.Add(new RiskNetworkOptions { Cidr = "10.0.0.0/8", Country = "gb", Latitude = 51.5, Longitude = -0.1 });
        options.Networks.Add(new RiskNetworkOptions { Cidr = "10.9.0.0/16", Country = "DE" });
        options.Networks.Add(new RiskNetworkOptions { Cidr = "fd00:1::/32", Country = "NL", Latitude = 52.37, Longitude = 4.9 });
        using var geo = Geo(options);

        Assert.Equal(new RiskLocation("GB", 51.5, -0.1), geo.Locate(IPAddress.Parse("10.1.2.3")));
        Assert.Equal(new RiskLocation("DE", null, null), geo.Locate(IPAddress.Parse("10.9.2.3")));
        Assert.Equal(new RiskLocation("GB", 51.5, -0.1), geo.Locate(IPAddress.Parse("::ffff:10.1.2.3")));
        Assert.Equal("NL", geo.Locate(IPAddress.Parse("fd00:1:2::3"))?.Country);
        Assert.Null(geo.Locate(IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void Mmdb_CityShape_CountryAndCoordinates()
    {
        var options = new RiskOptions { GeoDatabasePath = WriteCityDatabase() };
        using var geo = Geo(options);

        var paris = geo.Locate(IPAddress.Parse("198.51.100.77"));
        var tokyo = geo.Locate(IPAddress.Parse("2001:db8:7::1"));

        Assert.Equal(new RiskLocation("FR", 48.8566, 2.3522), paris);
        Assert.Equal(new RiskLocation("JP", 35.6762, 139.6503), tokyo);
        Assert.Equal(new RiskLocation("US", null, null), geo.Locate(IPAddress.Parse("203.0.113.9")));
        Assert.Null(geo.Locate(IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void Mmdb_CountryOnlyFile_CountryWithoutCoordinates()
    {
        var path = Path.Combine(_folder, "country.mmdb");
        new MmdbWriter()
            .Add("198.51.100.0/24", new Dictionary<string, object> { ["country"] = Map(("iso_code", "FR"), ("geoname_id", 3017382)) })
            .Save(path, "GeoLite2-Country");
        using var geo = Geo(new RiskOptions { GeoDatabasePath = path });

        Assert.Equal(new RiskLocation("FR", null, null), geo.Locate(IPAddress.Parse("198.51.100.1")));
    }

    [Fact]
    public void Mmdb_FlatIpLocationDbShape_Read()
    {
        var path = Path.Combine(_folder, "flat.mmdb");
        new MmdbWriter()
            .Add("198.51.100.0/24", new Dictionary<string, object> { ["country_code"] = "FR", ["latitude"] = 48.85, ["longitude"] = 2.35 })
            .Save(path);
        using var geo = Geo(new RiskOptions { GeoDatabasePath = path });

        Assert.Equal(new RiskLocation("FR", 48.85, 2.35), geo.Locate(IPAddress.Parse("198.51.100.1")));
    }

    [Fact]
    public void StaticListAndMmdb_StaticListFirst()
    {
        var options = new RiskOptions { GeoDatabasePath = WriteCityDatabase() };
        options.Networks.Add(new RiskNetworkOptions { Cidr = "198.51.100.128/25", Country = "BE", Latitude = 50.85, Longitude = 4.35 });
        using var geo = Geo(options);

        Assert.Equal("BE", geo.Locate(IPAddress.Parse("198.51.100.200"))?.Country);
        Assert.Equal("FR", geo.Locate(IPAddress.Parse("198.51.100.20"))?.Country);
    }

    [Fact]
    public void Mmdb_NoRiskPath_FallsBackToCiamGeoPath()
    {
        var path = WriteCityDatabase();
        using var geo = new RiskGeo(MsOptions.Create(new RiskOptions()), MsOptions.Create(new GeoOptions { DatabasePath = path }));

        Assert.Equal("FR", geo.Locate(IPAddress.Parse("198.51.100.1"))?.Country);
        Assert.Equal("own.mmdb", RiskGeo.DatabasePath(new RiskOptions { GeoDatabasePath = "own.mmdb" }, new GeoOptions { DatabasePath = path }));
        Assert.Null(RiskGeo.DatabasePath(new RiskOptions(), new GeoOptions()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RiskGeo Geo(RiskOptions options) => new(MsOptions.Create(options), MsOptions.Create(new GeoOptions()));

    private string WriteCityDatabase()
    {
        var path = Path.Combine(_folder, "city.mmdb");
        new MmdbWriter()
            .Add("198.51.100.0/24", City("FR", "Paris", 48.8566, 2.3522))
            .Add("2001:db8:7::/48", City("JP", "Tokyo", 35.6762, 139.6503))
            .Add("203.0.113.0/24", new Dictionary<string, object> { ["registered_country"] = Map(("iso_code", "US")) })
            .Save(path, "GeoLite2-City");
        return path;
    }

    private static Dictionary<string, object> City(string country, string city, double latitude, double longitude) => new()
    {
        ["city"] = Map(("names", Map(("en", city)))),
        ["country"] = Map(("iso_code", country)),
        ["location"] = Map(("accuracy_radius", 20), ("latitude", latitude), ("longitude", longitude), ("time_zone", "Europe/Paris")),
    };

    private static Dictionary<string, object> Map(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
