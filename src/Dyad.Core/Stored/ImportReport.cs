namespace Dyad.Store;

/// <summary>
/// What one import did with a file. <c>Read == Imported + Revised + Duplicates + Rejected</c>, always: a row is a new
/// event, a new version of a stored one, the same as a stored one, or rejected.
/// </summary>
public sealed record ImportReport(
    int ImportId,
    string Path,
    string Format,
    string Dataset,
    long Read,
    long Imported,
    long Duplicates,
    long Rejected,
    IReadOnlyList<string> Warnings,
    DateTimeOffset FinishedAt)
{
    /// <summary>Rows that gave a stored event of the dataset other values: the event now has them, and its history the old ones.</summary>
    public long Revised { get; init; }

    /// <summary>Stored events of the dataset that this whole release no longer has: kept in their history, gone from queries.</summary>
    public long Withdrawn { get; init; }

    /// <summary>The release the file was imported as, if it was said.</summary>
    public string? Release { get; init; }
}
