namespace Dyad.Connectors.Acled;

/// <summary>What to fetch from ACLED: one country's events, from a day or since the last fetch of that country.</summary>
/// <param name="Since">Events from this day; null for what changed since the last completed fetch (all, the first time).</param>
public sealed record AcledFetchRequest(string Country, DateOnly? Since = null);

/// <summary>What a fetch did: the file of events, the ids ACLED says it deleted, the pages fetched and kept.</summary>
public sealed record AcledFetchReport(string File, string Country, int Pages, int PagesFetched, int PagesKept, long Events,
    IReadOnlyList<string> Deleted, DateTimeOffset StartedAt);
