using Dyad.Incidents;

namespace Dyad.Store;

/// <summary>What one linking pass did.</summary>
/// <param name="Candidates">Pairs of events close enough in time and place to be scored.</param>
/// <param name="Links">Links kept (the analyst's included).</param>
/// <param name="Incidents">Incidents of two or more events.</param>
/// <param name="MultiDataset">Of those, incidents reported by more than one dataset.</param>
public sealed record LinkingReport(long Candidates, long Links, long Incidents, long MultiDataset, long LinkedEvents);

/// <summary>Which incidents (of two or more events) to list. Dates and country as in <see cref="EventFilter"/>.</summary>
/// <param name="EventId">Only the incident this event belongs to.</param>
public sealed record IncidentFilter(DateOnly? From = null, DateOnly? To = null, string? Country = null, int? Limit = null, long? EventId = null);

/// <summary>One incident: its events (oldest first) and the links that joined them.</summary>
public sealed record StoredIncident(long Id, IReadOnlyList<StoredEvent> Events, IReadOnlyList<IncidentLink> Links)
{
    public IReadOnlyList<string> Datasets => [.. Events.Select(e => e.Event.Dataset).Distinct().Order(StringComparer.Ordinal)];
}
