using System.Text.Json;
using nietras.SeparatedValues;

namespace Dyad.Connectors;

/// <summary>Pages of a dataset's API kept as files as they arrive, and turned into one CSV Dyad imports.</summary>
public static class FetchedPages
{
    /// <summary>Writes a page whole or not at all: a fetch killed while writing leaves no half page behind.</summary>
    public static async Task Save(byte[] body, string file, CancellationToken cancellationToken)
    {
        var partial = file + ".partial";
        await File.WriteAllBytesAsync(partial, body, cancellationToken);
        File.Move(partial, file, overwrite: true);
    }

    /// <summary>
    /// The events in the pages' <paramref name="property"/> arrays as one CSV: the API's field names as the header (the first event's order, then any new ones),
    /// read in two passes over the pages so that a whole release is never held in memory.
    /// </summary>
    /// <param name="header">The columns the dataset's importer recognises it by, first in the header whatever the pages
    /// hold: a fetch that brings no events (nothing changed, or only deletions) is still a file Dyad reads.</param>
    public static long ToCsv(IReadOnlyList<string> pages, string property, string csv, IReadOnlyList<string> header)
    {
        var columns = new List<string>(header);
        var seen = new HashSet<string>(header, StringComparer.Ordinal);
        foreach (var item in pages.SelectMany(p => Events(p, property)))
        {
            columns.AddRange(item.EnumerateObject().Select(f => f.Name).Where(seen.Add));
        }

        long events = 0;
        var partial = csv + ".partial";
        using (var writer = Sep.Writer(o => o with { Escape = true }).ToFile(partial))
        {
            writer.Header.Add(columns);
            foreach (var item in pages.SelectMany(p => Events(p, property)))
            {
                using var line = writer.NewRow();
                foreach (var column in columns)
                {
                    line[column].Set(item.TryGetProperty(column, out var value) ? Text(value) : "");
                }

                events++;
            }
        }

        File.Move(partial, csv, overwrite: true);
        return events;
    }

    /// <summary>Whether <paramref name="body"/> is a page of the API's JSON: its <paramref name="property"/> an array of objects.</summary>
    public static bool IsPage(byte[] body, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array
                && items.EnumerateArray().All(i => i.ValueKind == JsonValueKind.Object);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<JsonElement> Events(string page, string property)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(page));
        foreach (var item in document.RootElement.GetProperty(property).EnumerateArray())
        {
            yield return item;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
