namespace Dyad.Store;

/// <summary>The file an import reads, as recorded with its events.</summary>
/// <param name="Sha256">Computed while the rows are read; asked for when the import commits.</param>
public sealed record ImportSource(string Path, string Format, string Dataset, IReadOnlyList<string> Columns, long SizeBytes, Func<string> Sha256)
{
    /// <summary>
    /// The release of the dataset the file is whole (GED "23.1"), or null for a file that is an extract or whose
    /// release is not known. A whole release withdraws the events of earlier imports it no longer has.
    /// </summary>
    public string? Release { get; init; }

    /// <summary>Ids of the dataset's events that its publisher says it deleted since (ACLED's deletions): withdrawn with this import.</summary>
    public IReadOnlyList<string> Deleted { get; init; } = [];
}
