using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Dyad.Store;
using nietras.SeparatedValues;

namespace Dyad.App.Views;

/// <summary>Writes events as CSV, JSON or GeoJSON for other tools, streaming: what the CLI prints and the API downloads.</summary>
public static class EventExports
{
    private static readonly PropertyInfo[] ViewProperties = typeof(EventView).GetProperties();

    private static readonly string[] CsvColumns = [.. ViewProperties.Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))];

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
            output.Write(JsonSerializer.Serialize(view, DyadJson.Options));
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
            output.Write(JsonSerializer.Serialize(new Feature(new Point([longitude, latitude]), view), DyadJson.Options));
            first = false;
        }

        output.WriteLine("\n]}");
        return withoutCoordinates;
    }

    /// <summary>A GeoJSON feature: <c>type</c> is written first, as readers that stream GeoJSON expect.</summary>
    private sealed record Feature(Point Geometry, EventView Properties)
    {
        [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
        public string Type => "Feature";
    }

    private sealed record Point(double[] Coordinates)
    {
        [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
        public string Type => "Point";
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

}
