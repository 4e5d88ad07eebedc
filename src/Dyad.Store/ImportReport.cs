namespace Dyad.Store;

/// <summary>What one import did with a file. <c>Read == Imported + Duplicates + Rejected</c>, always.</summary>
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
    DateTimeOffset FinishedAt);
