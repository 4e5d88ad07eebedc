namespace Dyad.Store;

/// <summary>What an export wrote or an import of an export read: events, files, rejects, and the analyst's records.</summary>
/// <param name="EventsSkipped">Events the receiving store already had (the same dataset and dataset id): kept as they were.</param>
public sealed record StoreTransferReport(
    string Folder, long Events, long EventsSkipped, long Imports, long Rejects, int Sources, int SourcesKept, int Claims, int ClaimsKept, int Decisions,
    int ProtectedWithheld);
