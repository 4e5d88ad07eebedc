namespace Dyad.Store;

/// <summary>
/// What one imported file covers: its dataset, the first and last day of its events, the countries they are in (the
/// source's, or the gazetteer's where the source names none), and, for an extract, what the user said it was filtered
/// to. Outside a file's coverage, no event is not zero events.
/// </summary>
public sealed record FileCoverage(string Dataset, string File, DateOnly From, DateOnly To, string? Extract, IReadOnlyList<string>? Countries = null)
{
    /// <summary>Whether the file covers every day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Covers(DateOnly from, DateOnly to) => From <= from && To >= to;
}
