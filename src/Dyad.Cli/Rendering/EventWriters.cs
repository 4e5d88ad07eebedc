using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Dyad.Store;
using nietras.SeparatedValues;
using Spectre.Console;

namespace Dyad.Cli.Rendering;

/// <summary>Writes events as a table for people, or as CSV, JSON or GeoJSON for other tools, streaming.</summary>
internal static class EventWriters
{
    private static readonly PropertyInfo[] ViewProperties = typeof(EventView).GetProperties();

    private static readonly string[] CsvColumns = [.. ViewProperties.Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))];

    public static void Table(IAnsiConsole console, IEnumerable<StoredEvent> events, long total, int shown)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Id").RightAligned()).AddColumn("Date").AddColumn("Dataset").AddColumn("Country")
            .AddColumn("Province / place").AddColumn("Actor 1").AddColumn("Actor 2").AddColumn("Type")
            .AddColumn(new TableColumn("Deaths").RightAligned());
        foreach (var stored in events)
        {
            var e = stored.Event;
            table.AddRow(
                stored.Id.ToString(CultureInfo.InvariantCulture), e.Date.ToString(), e.Dataset, Cell(e.Place.Country),
                Cell(string.Join(" / ", new[] { e.Place.Admin1, e.Place.Name }.Where(s => s is not null))),
                Cell(e.Actors.Actor1), Cell(e.Actors.Actor2), Cell(e.Category.Subtype ?? e.Category.Type), Deaths(e.Deaths));
        }

        console.Write(table);
        console.MarkupLine(total > shown
            ? $"{shown:N0} of {total:N0} events shown; use [bold]--limit[/] for more, or [bold]--format csv[/] for all."
            : $"{total:N0} event(s).");
    }

    public static void Csv(TextWriter output, IEnumerable<StoredEvent> events)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
        foreach (var view in events.Select(EventView.From))
        {
            using var row = writer.NewRow();
            for (var i = 0; i < ViewProperties.Length; i++)
            {
                row[CsvColumns[i]].Set(CsvValue(ViewProperties[i].GetValue(view)));
            }
        }
    }

    public static void Json(TextWriter output, IEnumerable<StoredEvent> events)
    {
        output.Write('[');
        var first = true;
        foreach (var view in events.Select(EventView.From))
        {
            output.Write(first ? "\n" : ",\n");
            output.Write(JsonSerializer.Serialize(view, CliJson.Options));
            first = false;
        }

        output.WriteLine(first ? "]" : "\n]");
    }

    /// <summary>A FeatureCollection of the events that have coordinates; returns how many had none.</summary>
    public static long GeoJson(TextWriter output, IEnumerable<StoredEvent> events)
    {
        long withoutCoordinates = 0;
        output.Write("{\"type\":\"FeatureCollection\",\"features\":[");
        var first = true;
        foreach (var view in events.Select(EventView.From))
        {
            if (view.Latitude is not { } latitude || view.Longitude is not { } longitude)
            {
                withoutCoordinates++;
                continue;
            }

            output.Write(first ? "\n" : ",\n");
            var geometry = $"{{\"type\":\"Point\",\"coordinates\":[{longitude.ToString("R", CultureInfo.InvariantCulture)},{latitude.ToString("R", CultureInfo.InvariantCulture)}]}}";
            output.Write($"{{\"type\":\"Feature\",\"geometry\":{geometry},\"properties\":{JsonSerializer.Serialize(view, CliJson.Options)}}}");
            first = false;
        }

        output.WriteLine("\n]}");
        return withoutCoordinates;
    }

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable<string> list => string.Join("; ", list),
        bool b => b ? "true" : "false",
        Enum e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable => throw new InvalidOperationException("Unexpected list type in an event view."),
        _ => value.ToString() ?? "",
    };

    private static string Cell(string? text) => text is null ? "[grey]–[/]" : Markup.Escape(text.Length > 40 ? text[..39] + "…" : text);

    private static string Deaths(Events.DeathToll deaths) => deaths switch
    {
        { Best: null } => "[grey]–[/]",
        { Low: { } low, High: { } high } when low != high => $"{deaths.Best} [grey]({low}–{high})[/]",
        _ => $"{deaths.Best}",
    };
}
