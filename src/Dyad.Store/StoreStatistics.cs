namespace Dyad.Store;

/// <summary>A count of events by one key.</summary>
public sealed record CountBy(string Key, long Events, long? Deaths);

/// <summary>
/// What is in a store: events, the incidents they make (the events that report one attack counted once) and how many
/// of those more than one dataset reports; events by dataset, country, year and first actor (the largest first, years in order).
/// </summary>
public sealed record StoreStatistics(
    long Events,
    long Incidents,
    long MultiDatasetIncidents,
    long Rejected,
    long Imports,
    IReadOnlyList<CountBy> ByDataset,
    IReadOnlyList<CountBy> ByCountry,
    IReadOnlyList<CountBy> ByYear,
    IReadOnlyList<CountBy> ByActor);
