using CiamServer.Admin.Console;
using CiamServer.Admin.Dashboard;
using Microsoft.AspNetCore.Mvc;

namespace CiamServer.Admin.Pages.Console.Tenant;

/// <summary>The tenant's dashboard: sign-ins, sign-ups, failures and challenges over a chosen period as charts (with
/// the numbers as a table), and the sessions active now. The same figures as <c>GET admin/api/dashboard</c>.</summary>
public sealed class IndexModel(DashboardStats stats, TimeProvider clock) : TenantConsolePageModel
{
    /// <summary>The periods offered: value, label, days, bucket.</summary>
    public static readonly IReadOnlyList<(string Value, string Label, int Days, string Bucket)> Periods =
    [
        ("24h", "Last 24 hours, by hour", 1, "hour"),
        ("7d", "Last 7 days", 7, "day"),
        ("30d", "Last 30 days", 30, "day"),
        ("90d", "Last 90 days", 90, "day"),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public DashboardResource Stats { get; private set; } = null!;

    public bool Hourly => Stats.Bucket == "hour";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var period = Periods.FirstOrDefault(p => p.Value == Period);
        if (period.Value is null)
        {
            period = Periods[2];
        }

        Period = period.Value;
        var errors = new Dictionary<string, string[]>();
        var range = DashboardRange.Parse(period.Days.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, period.Bucket,
            clock.GetUtcNow().UtcDateTime, errors)!;
        Stats = await stats.ReadAsync(range, cancellationToken);
    }

    public IReadOnlyList<(DateTime Start, int Value)> Series(Func<DashboardPoint, int> value) => [.. Stats.Series.Select(p => (p.Start, value(p)))];
}
