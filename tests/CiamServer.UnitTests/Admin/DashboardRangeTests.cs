using CiamServer.Admin.Dashboard;

namespace CiamServer.UnitTests.Admin;

[Trait("Category", "Unit")]
[Trait("Category", "Admin")]
public sealed class DashboardRangeTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 14, 25, 10, DateTimeKind.Utc);

    [Fact]
    public void Parse_Nothing_TheLast30DaysEndingWithToday()
    {
        var range = Parse(null, null, null, null);

        Assert.Equal((new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)), (range.From, range.To));
        Assert.Equal(30, range.Buckets);
    }

    [Fact]
    public void Parse_DaysHourly_EndsAfterTheCurrentHour()
    {
        var range = Parse("2", null, null, "hour");

        Assert.Equal(new DateTime(2026, 11, 29, 15, 0, 0, DateTimeKind.Utc), range.To);
        Assert.Equal(48, range.Buckets);
        Assert.Equal(DashboardBucketSize.Hour, range.Bucket);
    }

    [Fact]
    public void Parse_FromTo_WidenedToWholeBuckets()
    {
        var range = Parse(null, "2026-03-02T09:30:00Z", "2026-03-02T11:15:00+00:00", "HOUR");

        Assert.Equal((new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc)), (range.From, range.To));
    }

    [Fact]
    public void Parse_FromToWithAnOffset_ReadAsUtc()
    {
        var range = Parse(null, "2026-03-02T01:00:00+02:00", "2026-03-03", "day");

        Assert.Equal((new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc)), (range.From, range.To));
    }

    [Theory]
    [InlineData(null, null, null, "minute", "bucket")]
    [InlineData("0", null, null, null, "days")]
    [InlineData("-1", null, null, null, "days")]
    [InlineData("1.5", null, null, null, "days")]
    [InlineData("367", null, null, null, "days")]
    [InlineData("32", null, null, "hour", "days")]
    [InlineData(null, "2026-03-01", null, null, "to")]
    [InlineData(null, null, "2026-03-01", null, "from")]
    [InlineData(null, "2026-03-01", "2026-03-01", null, "to")]
    [InlineData(null, "2026-03-02", "2026-03-01", null, "to")]
    [InlineData(null, "2025-01-01", "2026-03-01", null, "to")]
    [InlineData(null, "2026-01-01", "2026-02-02", "hour", "to")]
    [InlineData(null, "not a date", "2026-03-01", null, "from")]
    [InlineData("3", "2026-03-01", "2026-03-02", null, "days")]
    public void Parse_Wrong_NullWithTheField(string? days, string? from, string? to, string? bucket, string field)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(DashboardRange.Parse(days, from, to, bucket, Now, errors));
        Assert.Contains(field, errors.Keys);
    }

    private static DashboardRange Parse(string? days, string? from, string? to, string? bucket)
    {
        var errors = new Dictionary<string, string[]>();
        var range = DashboardRange.Parse(days, from, to, bucket, Now, errors);
        Assert.Empty(errors);
        return Assert.IsType<DashboardRange>(range);
    }
}
