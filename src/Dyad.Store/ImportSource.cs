namespace Dyad.Store;

/// <summary>The file an import reads, as recorded with its events.</summary>
/// <param name="Sha256">Computed while the rows are read; asked for when the import commits.</param>
public sealed record ImportSource(string Path, string Format, string Dataset, IReadOnlyList<string> Columns, long SizeBytes, Func<string> Sha256);
