namespace Dyad.Connectors.Ucdp;

/// <summary>What a fetch did: the file it wrote, the pages it fetched and those it had already, and the day's requests.</summary>
public sealed record UcdpFetchReport(string File, string Version, int Pages, int PagesFetched, int PagesKept, long Events, int RequestsToday, int RequestsPerDay, DateTimeOffset FetchedAt);
