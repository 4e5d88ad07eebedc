using Dyad.Analysis.Rivalry;
using Dyad.Analysis.Statistics;
using Dyad.Places;
using Dyad.Store;
using NetTopologySuite.Geometries;
using ScottPlot;

namespace Dyad.Analysis.Charts;

/// <summary>The rivalry's charts with ScottPlot, each saved as PNG and SVG: the timeline, whom each side targets, and a province map.</summary>
public static class RivalryCharts
{
    private const int Width = 1000;
    private const int Height = 480;
    private static readonly Color ColorA = Color.FromHex("#1f4e79");
    private static readonly Color ColorB = Color.FromHex("#c55a11");
    private static readonly Color ColorDyad = Color.FromHex("#7f2704");

    /// <summary>Writes the charts into <paramref name="folder"/>; returns the PNG files by chart name (timeline, targets, map).</summary>
    public static IReadOnlyDictionary<string, string> Write(RivalryResult result, Gazetteer gazetteer, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        Save(Timeline(result), folder, "timeline", files);
        if (result.Targets.Count > 0)
        {
            Save(Targets(result), folder, "targets", files);
        }

        Save(Map(result, gazetteer), folder, "map", files, height: 640);
        if (result.By == PeriodUnit.Month && result.AfterTurns.Any(t => t.IncidentsA.Estimable || t.IncidentsB.Estimable))
        {
            Save(After(result), folder, "after", files);
        }

        return files;
    }

    private static Plot Timeline(RivalryResult result)
    {
        var plot = new Plot();
        var xs = result.Timeline.Select(r => r.Period.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        // Where each source covers: outside its band, its absence of events is not an absence of fighting.
        if (xs.Length > 0)
        {
            // Only datasets that do not cover the whole series are drawn: their absence elsewhere is no absence of fighting.
            var (first, last) = (result.Timeline[0].Period, result.Timeline[^1].Period);
            foreach (var dataset in DatasetCoverage.Of(result.Coverage).Where(d => !d.Covers(first, last)))
            {
                foreach (var (from, to) in dataset.Spans)
                {
                    var span = plot.Add.HorizontalSpan(Math.Max(xs[0], from.ToDateTime(TimeOnly.MinValue).ToOADate()), Math.Min(xs[^1], to.ToDateTime(TimeOnly.MinValue).ToOADate()));
                    span.FillStyle.Color = Colors.Gray.WithAlpha(0.12);
                    span.LineStyle.Width = 0;
                    span.LegendText = from == dataset.Spans[0].From ? $"{dataset.Dataset} covers" : "";
                }
            }
        }

        Line(plot, xs, result.Timeline.Select(r => (double)r.EventsA), $"{result.A.Name} without {result.B.Name} (any part)", ColorA);
        Line(plot, xs, result.Timeline.Select(r => (double)r.EventsB), $"{result.B.Name} without {result.A.Name} (any part)", ColorB);
        if (result.Either.Events > 0)
        {
            var either = Line(plot, xs, result.Timeline.Select(r => (double)r.EventsEither), "either side, unresolved", Colors.Gray);
            either.LinePattern = LinePattern.Dotted;
        }

        var dyad = Line(plot, xs, result.Timeline.Select(r => (double)r.DyadicEvents), $"{result.A.Name} vs {result.B.Name}", ColorDyad);
        dyad.LineWidth = 3;
        foreach (var point in result.TurningPoints)
        {
            var line = plot.Add.VerticalLine(point.ToDateTime(TimeOnly.MinValue).ToOADate());
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
        }

        foreach (var leader in result.Leaders)
        {
            var line = plot.Add.VerticalLine(leader.Loss.Date.ToDateTime(TimeOnly.MinValue).ToOADate());
            line.Color = Colors.Black.WithAlpha(0.6);
        }

        if (result.Leaders.Count > 0)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "leader killed (solid)", LineColor = Colors.Black, LineWidth = 1 });
        }

        if (result.TurningPoints.Count > 0)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "turning point in the clashes (dashed)", LineColor = Colors.Gray, LineWidth = 1, LinePattern = LinePattern.Dashed });
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title($"Incidents per {result.By.ToString().ToLowerInvariant()}: {result.A.Name} and {result.B.Name}");
        plot.YLabel("incidents");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>
    /// Each side's incidents per month, and after each turning event the incidents its own past led one to expect
    /// (dashed): where the solid line leaves the dashed one is the change the brief's table measures.
    /// </summary>
    private static Plot After(RivalryResult result)
    {
        var plot = new Plot();
        var xs = result.Timeline.Select(r => r.Period.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        Line(plot, xs, result.Timeline.Select(r => (double)(r.EventsA + r.DyadicEvents)), $"{result.A.Name}'s incidents", ColorA);
        Line(plot, xs, result.Timeline.Select(r => (double)(r.EventsB + r.DyadicEvents)), $"{result.B.Name}'s incidents", ColorB);
        foreach (var study in result.AfterTurns)
        {
            var month = new DateOnly(study.Turn.Date.Year, study.Turn.Date.Month, 1);
            var turn = plot.Add.VerticalLine(month.ToDateTime(TimeOnly.MinValue).ToOADate());
            turn.Color = Colors.Black.WithAlpha(0.5);
            foreach (var (series, color) in new[] { (study.IncidentsA, ColorA), (study.IncidentsB, ColorB) }.Where(s => s.Item1.Estimable))
            {
                double[] after = [.. series.ExpectedEach.Select((_, i) => month.AddMonths(i + 1).ToDateTime(TimeOnly.MinValue).ToOADate())];
                var expected = Line(plot, after, series.ExpectedEach, "", color);
                expected.LinePattern = LinePattern.Dashed;
            }
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "expected from the 24 months before (dashed)", LineColor = Colors.Gray, LineWidth = 2, LinePattern = LinePattern.Dashed });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "turning event", LineColor = Colors.Black, LineWidth = 1 });
        // From the first study's window to a year after the last event: the years before tell nothing here.
        var first = result.AfterTurns.Min(t => t.Turn.Date).AddMonths(-EventStudy.PreMonths);
        var last = result.AfterTurns.Max(t => t.Turn.Date).AddMonths(12);
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsX(first.ToDateTime(TimeOnly.MinValue).ToOADate(), last.ToDateTime(TimeOnly.MinValue).ToOADate());
        plot.Title("After each turning event: the incidents seen and those the past led one to expect");
        plot.YLabel("incidents per month");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, IEnumerable<double> ys, string label, Color color)
    {
        var line = plot.Add.Scatter(xs, ys.ToArray());
        line.LegendText = label;
        line.Color = color;
        line.MarkerSize = 0;
        line.LineWidth = 2;
        return line;
    }

    private static Plot Targets(RivalryResult result)
    {
        var plot = new Plot();
        var rows = result.Targets.Take(10).Reverse().ToList();
        var totalA = Math.Max(1, result.Targets.Sum(t => t.EventsA));
        var totalB = Math.Max(1, result.Targets.Sum(t => t.EventsB));
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            bars.Add(new Bar { Position = (i * 3) + 1, Value = 100.0 * rows[i].EventsA / totalA, FillColor = ColorA, Orientation = Orientation.Horizontal });
            bars.Add(new Bar { Position = (i * 3) + 2, Value = 100.0 * rows[i].EventsB / totalB, FillColor = ColorB, Orientation = Orientation.Horizontal });
        }

        plot.Add.Bars(bars);
        plot.Axes.Left.SetTicks([.. rows.Select((_, i) => (i * 3) + 1.5)], [.. rows.Select(r => r.TargetType)]);
        plot.Axes.Margins(left: 0);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = result.A.Name, FillColor = ColorA });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = result.B.Name, FillColor = ColorB });
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title("Whom each side attacks (share of its own attacks, first target type)");
        plot.XLabel("% of the side's attacks");
        return plot;
    }

    /// <summary>The map's classes of clashes per unit, and their colours: few classes a reader can tell apart, with a legend.</summary>
    private static readonly (long From, string Label, Color Color)[] Classes =
    [
        (1, "1", Color.FromHex("#fdd49e")), (2, "2–4", Color.FromHex("#fc8d59")), (5, "5–9", Color.FromHex("#d7301f")), (10, "10 or more", Color.FromHex("#7f0000")),
    ];

    private static Color? ClassColor(long count) => count <= 0 ? null : Classes.Last(c => count >= c.From).Color;

    /// <summary>
    /// Clashes per district where the sources place them in one, so that one clash in a large province colours one
    /// district, not the province; a province's clashes with no district shade the province lightly. Province borders
    /// are drawn over the districts; the units with most clashes are labelled on a white ground; no coordinates ticks.
    /// </summary>
    private static Plot Map(RivalryResult result, Gazetteer gazetteer)
    {
        var plot = new Plot();
        var provinceOnly = result.Provinces.ToDictionary(
            p => p.Province, p => p.DyadicEvents - result.DistrictClashes.Where(d => gazetteer.Find(d.Key)?.ParentId == p.Province).Sum(d => d.Value), StringComparer.Ordinal);
        var labels = new List<(string Text, double X, double Y, long Count)>();
        foreach (var country in new[] { "Afghanistan", "Pakistan" })
        {
            foreach (var (_, outline) in gazetteer.Outlines(country, 1))
            {
                Draw(plot, outline, Colors.White, Colors.Transparent, 0);
            }

            foreach (var (unit, outline) in gazetteer.Outlines(country, 2))
            {
                var count = result.DistrictClashes.GetValueOrDefault(unit.Id);
                Draw(plot, outline, ClassColor(count) ?? Colors.Transparent, Colors.LightGray, 0.3f);
                if (count > 0)
                {
                    labels.Add(($"{unit.Name} {count}", outline.InteriorPoint.X, outline.InteriorPoint.Y, count));
                }
            }

            // A province's clashes that no source places in a district: a dot at its centre, sized by their number, so
            // that one clash in a province as large as Khyber Pakhtunkhwa does not colour it all.
            foreach (var (unit, outline) in gazetteer.Outlines(country, 1))
            {
                Draw(plot, outline, Colors.Transparent, Colors.DimGray, 0.8f);
                if (provinceOnly.GetValueOrDefault(unit.Id) is > 0 and var n)
                {
                    var dot = plot.Add.Marker(outline.InteriorPoint.X, outline.InteriorPoint.Y, MarkerShape.FilledCircle, (float)(6 + (3 * Math.Sqrt(n))), ClassColor(n)!.Value);
                    dot.MarkerLineColor = Colors.Black;
                    dot.MarkerLineWidth = 0.8f;
                    labels.Add(($"{unit.Name} {n} (no district)", outline.InteriorPoint.X, outline.InteriorPoint.Y, n));
                }
            }
        }

        Label(plot, labels.OrderByDescending(l => l.Count).Take(8).Select(l => (l.Text, l.X, l.Y)));

        foreach (var (_, text, color) in Classes)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{text} clash{(text == "1" ? "" : "es")}", FillColor = color });
        }

        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "a province's clashes placed in no district",
            MarkerShape = MarkerShape.FilledCircle,
            MarkerFillColor = Classes[1].Color,
            MarkerSize = 10,
            MarkerLineColor = Colors.Black,
        });
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Axes.SquareUnits();
        plot.Axes.Margins(0.04, 0.04);
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Title($"{result.A.Name} vs {result.B.Name}: clashes per district");
        return plot;
    }

    /// <summary>Names on a white ground over the map, so that they read over any shade.</summary>
    internal static void Label(Plot plot, IEnumerable<(string Text, double X, double Y)> labels)
    {
        foreach (var (text, x, y) in labels)
        {
            var label = plot.Add.Text(text, x, y);
            label.LabelFontSize = 11;
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            label.LabelPadding = 2;
        }
    }

    internal static void Draw(Plot plot, Geometry outline, Color fill, Color line, float width)
    {
        foreach (var polygon in Polygons(outline))
        {
            var shape = plot.Add.Polygon([.. polygon.Shell.Coordinates.Select(c => new ScottPlot.Coordinates(c.X, c.Y))]);
            shape.FillColor = fill;
            shape.LineColor = line;
            shape.LineWidth = width;
        }
    }

    private static IEnumerable<Polygon> Polygons(Geometry geometry) => geometry switch
    {
        Polygon polygon => [polygon],
        MultiPolygon multi => multi.Geometries.OfType<Polygon>(),
        _ => [],
    };

    internal static void Save(Plot plot, string folder, string name, Dictionary<string, string> files, int height = Height)
    {
        var png = Path.Combine(folder, name + ".png");
        plot.SavePng(png, Width, height);
        plot.SaveSvg(Path.Combine(folder, name + ".svg"), Width, height);
        files[name] = png;
    }
}
