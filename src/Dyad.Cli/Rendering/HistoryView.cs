using System.Text.Json;
using Dyad.App.Views;
using Dyad.Store;

namespace Dyad.Cli.Rendering;

/// <summary>One version of an event for output: the import that gave it, what became of it, and what it changed.</summary>
internal sealed record HistoryView(int Import, string File, string? Release, DateTimeOffset ImportedAt, string Change, int? SupersededBy,
    IReadOnlyList<string> Changed, EventView Event)
{
    /// <summary>Where a row came from, how the gazetteer placed it, and the total Dyad adds up from its figures: not what the source said.</summary>
    private static readonly HashSet<string> NotSaid = ["source_file", "source_row", "admin1_id", "admin2_id", "place_method", "place_confidence", "deaths"];

    /// <summary>The versions, oldest first, each with the fields (as named in Dyad's CSV and JSON) that differ from the one before.</summary>
    public static IReadOnlyList<HistoryView> Of(IReadOnlyList<EventVersion> versions)
    {
        var views = new List<HistoryView>();
        JsonElement? previous = null;
        foreach (var version in versions)
        {
            var view = EventView.From(version.Version);
            var json = JsonSerializer.SerializeToElement(view, DyadJson.Options);
            var changed = previous is { } before
                ? json.EnumerateObject().Where(p => !NotSaid.Contains(p.Name) && !(before.TryGetProperty(p.Name, out var old) && JsonElement.DeepEquals(old, p.Value)))
                    .Select(p => p.Name)
                    .Concat(before.EnumerateObject().Where(p => !NotSaid.Contains(p.Name) && !json.TryGetProperty(p.Name, out _)).Select(p => p.Name))
                    .ToList()
                : [];
            views.Add(new HistoryView(version.ImportId, Path.GetFileName(view.SourceFile), version.Release, version.ImportedAt, version.Change, version.SupersededBy, changed, view));
            previous = json;
        }

        return views;
    }
}
