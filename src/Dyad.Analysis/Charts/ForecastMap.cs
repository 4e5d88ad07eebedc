using Dyad.Analysis.Forecasting;
using Dyad.Places;
using ScottPlot;

namespace Dyad.Analysis.Charts;

/// <summary>
/// The forecast on the map: each district shaded by its chance of at least one event in the first month forecast, in
/// a few classes a reader can tell apart; a province that stands for districts the sources do not name is a dot at its
/// centre, and a district the gazetteer has no outline for a dot where its events are. The likeliest units are
/// labelled with their chance.
/// </summary>
public static class ForecastMap
{
    private static readonly (double From, string Label, Color Color)[] Classes =
    [
        (0.01, "1–5%", Color.FromHex("#fee8c8")), (0.05, "5–20%", Color.FromHex("#fdbb84")), (0.2, "20–50%", Color.FromHex("#e34a33")), (0.5, "50% or more", Color.FromHex("#7f0000")),
    ];

    /// <summary>Writes the map as <paramref name="name"/>.png and .svg into <paramref name="folder"/>; returns the PNG's path.</summary>
    public static string Write(ForecastResult forecast, Gazetteer gazetteer, string folder, string title, string name = "watch")
    {
        Directory.CreateDirectory(folder);
        var chance = forecast.Units.ToDictionary(u => u.Unit.Key, u => u.Months[0].Probability, StringComparer.Ordinal);
        var plot = new Plot();
        var labels = new List<(string Text, double X, double Y, double Chance)>();
        foreach (var country in new[] { "Afghanistan", "Pakistan" })
        {
            foreach (var (_, outline) in gazetteer.Outlines(country, 1))
            {
                RivalryCharts.Draw(plot, outline, Colors.White, Colors.Transparent, 0);
            }

            foreach (var (unit, outline) in gazetteer.Outlines(country, 2))
            {
                var p = chance.GetValueOrDefault(unit.Id);
                RivalryCharts.Draw(plot, outline, ClassColor(p) ?? Colors.Transparent, Colors.LightGray, 0.3f);
                labels.Add(($"{unit.Name} {p:P0}", outline.InteriorPoint.X, outline.InteriorPoint.Y, p));
            }

            foreach (var (unit, outline) in gazetteer.Outlines(country, 1))
            {
                RivalryCharts.Draw(plot, outline, Colors.Transparent, Colors.DimGray, 0.8f);
                if (ClassColor(chance.GetValueOrDefault(unit.Id)) is { } color)
                {
                    var dot = plot.Add.Marker(outline.InteriorPoint.X, outline.InteriorPoint.Y, MarkerShape.FilledCircle, 12, color);
                    dot.MarkerLineColor = Colors.Black;
                    dot.MarkerLineWidth = 0.8f;
                    labels.Add(($"{unit.Name} {chance[unit.Id]:P0} (no district)", outline.InteriorPoint.X, outline.InteriorPoint.Y, chance[unit.Id]));
                }
            }
        }

        // Units the gazetteer has no outline for (a district only its source names): a dot where their events are.
        var outlined = new[] { "Afghanistan", "Pakistan" }.SelectMany(c => gazetteer.Outlines(c, 1).Concat(gazetteer.Outlines(c, 2))).Select(o => o.Unit.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in forecast.Units.Where(u => !outlined.Contains(u.Unit.Key) && u.Unit.Centre is not null))
        {
            if (ClassColor(unit.Months[0].Probability) is { } color)
            {
                var (latitude, longitude) = unit.Unit.Centre!.Value;
                var dot = plot.Add.Marker(longitude, latitude, MarkerShape.FilledCircle, 10, color);
                dot.MarkerLineColor = Colors.Black;
                dot.MarkerLineWidth = 0.6f;
                labels.Add(($"{unit.Unit.Name} {unit.Months[0].Probability:P0}", longitude, latitude, unit.Months[0].Probability));
            }
        }

        RivalryCharts.Label(plot, labels.Where(l => l.Chance >= Classes[0].From).OrderByDescending(l => l.Chance).Take(6).Select(l => (l.Text, l.X, l.Y)));

        foreach (var (_, text, color) in Classes)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, FillColor = color });
        }

        plot.ShowLegend(Alignment.LowerLeft);
        plot.Axes.SquareUnits();
        plot.Axes.Margins(0.04, 0.04);
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Title($"{title}, {forecast.Expected[0].Month:MMMM yyyy}");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        RivalryCharts.Save(plot, folder, name, files, height: 640);
        return files[name];
    }

    private static Color? ClassColor(double chance) => chance < Classes[0].From ? null : Classes.Last(c => chance >= c.From).Color;
}
