using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CiamServer.Admin.Dashboard;

/// <summary>A bar chart as inline SVG, drawn on the server (no script): role="img" with a title and a description
/// that says the total and the peak, a tooltip title on each bar, and axis labels. Pages put a data table next to it.</summary>
public static class SvgBarChart
{
    private const int Width = 720;
    private const int Height = 180;
    private const int Left = 44;
    private const int Bottom = 22;
    private const int Top = 8;

    public static IHtmlContent Render(string id, string title, string cssClass, IReadOnlyList<(DateTime Start, int Value)> points, bool hourly)
    {
        var encoder = HtmlEncoder.Default;
        var max = Math.Max(1, points.Count == 0 ? 0 : points.Max(p => p.Value));
        var plotWidth = Width - Left - 4;
        var plotHeight = Height - Top - Bottom;
        var slot = points.Count == 0 ? plotWidth : (double)plotWidth / points.Count;
        var total = points.Sum(p => p.Value);
        var peak = points.Count == 0 ? default : points.MaxBy(p => p.Value);
        var description = total == 0
            ? "None in this period."
            : $"{total} in all; the most, {peak.Value}, {(hourly ? "in the hour from " : "on ")}{Label(peak.Start, hourly)}.";

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" ");
        svg.Append("xmlns=\"http://www.w3.org/2000/svg\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{encoder.Encode(title)}</title><desc id=\"{id}-desc\">{encoder.Encode(description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - 4}\" y2=\"{Top + plotHeight}\" />");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + 10}\" text-anchor=\"end\" aria-hidden=\"true\">{max}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + plotHeight}\" text-anchor=\"end\" aria-hidden=\"true\">0</text>");
        for (var i = 0; i < points.Count; i++)
        {
            var (start, value) = points[i];
            var barHeight = value == 0 ? 0 : Math.Max(1, value * plotHeight / (double)max);
            var x = Left + (i * slot) + (slot * 0.1);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bar {cssClass}\" x=\"{x:0.##}\" y=\"{Top + plotHeight - barHeight:0.##}\" width=\"{Math.Max(1, slot * 0.8):0.##}\" height=\"{barHeight:0.##}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{encoder.Encode(Label(start, hourly))}: {value}</title></rect>");
        }

        foreach (var i in AxisLabels(points.Count))
        {
            var anchor = i == 0 ? "start" : i == points.Count - 1 ? "end" : "middle";
            var x = i == points.Count - 1 ? Left + ((i + 1) * slot) : Left + (i * slot) + (i == 0 ? 0 : slot / 2);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x:0.##}\" y=\"{Height - 6}\" text-anchor=\"{anchor}\" aria-hidden=\"true\">{encoder.Encode(Label(points[i].Start, hourly))}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>"29 Nov" for a day, "29 Nov 14:00" for an hour (UTC).</summary>
    public static string Label(DateTime start, bool hourly) =>
        start.ToString(hourly ? "d MMM HH:mm" : "d MMM yyyy", CultureInfo.InvariantCulture);

    private static IEnumerable<int> AxisLabels(int count) => count switch
    {
        0 => [],
        1 => [0],
        2 => [0, 1],
        _ => new[] { 0, count / 2, count - 1 }.Distinct(),
    };
}
