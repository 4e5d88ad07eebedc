using Dyad.Events;

namespace Dyad.Ingest.Tests;

/// <summary>Everything one file yields, read in one go for assertions.</summary>
internal sealed record FileRead(string Format, IReadOnlyList<DyadEvent> Events, IReadOnlyList<RejectedRow> Rejects, IReadOnlyList<string> Warnings)
{
    public int Read => Events.Count + Rejects.Count;

    public static FileRead Of(string path, Dyad.Ingest.Formats.FormatFamily? family = null)
    {
        using var file = EventFile.Open(path, family);
        var outcomes = file.ReadRows().ToList();
        return new FileRead(
            Dyad.Ingest.Formats.FormatDetector.Name(file.Format),
            [.. outcomes.OfType<MappedRow>().Select(m => m.Event)],
            [.. outcomes.OfType<RejectedRow>()],
            file.Warnings);
    }

    public DyadEvent Single(string datasetId) => Events.Single(e => e.DatasetId == datasetId);
}
