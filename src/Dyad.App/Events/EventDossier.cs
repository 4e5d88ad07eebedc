using Dyad.App.Views;
using Dyad.Claims;
using Dyad.Sources;
using Dyad.Store;

namespace Dyad.App.Events;

/// <summary>Everything the store holds about one event: its row as the source wrote it, its versions, the incident it is part of, and the claims and sources about it.</summary>
public sealed record EventDossier(StoredEvent Event, IReadOnlyList<EventVersion> History, StoredIncident? Incident, IReadOnlyList<Claim> Claims, IReadOnlyList<Source> Sources)
{
    /// <summary>The event's dossier as the reader may see it.</summary>
    /// <exception cref="DyadException">NotFound: no such event.</exception>
    public static EventDossier For(IDyadStore store, Registries registries, long id, Disclosure disclosure)
    {
        var stored = store.Events(new EventFilter(EventIds: [id], IncludeRaw: true)).FirstOrDefault()
            ?? throw new DyadException(DyadErrorKind.NotFound, $"event {id} is not in the store; 'dyad events' lists the events and their ids.");
        var incident = store.Incidents(new IncidentFilter(EventId: id)).FirstOrDefault();
        var reports = incident?.Events.Select(e => e.Id).ToHashSet() ?? [id];
        var sources = store.Sources().Where(disclosure.Shows).ToDictionary(s => s.Id);
        // A claim is about this event when the event (or another report of its incident) is the one it links to best.
        var matcher = new ClaimMatcher(registries.Actors);
        var province = stored.Units?.Admin1Id;
        var claims = province is null ? [] : store.Claims()
            .Where(c => c.Admin1Id == province && sources.ContainsKey(c.SourceId)
                && ClaimEvidenceSearch.Matches(store, matcher, c, top: 1) is [{ Match.Linked: true } best] && reports.Contains(best.Event.Id))
            .ToList();
        var cited = (stored.Event.Citations ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var about = sources.Values.Where(s => cited.Contains(s.Code) || claims.Any(c => c.SourceId == s.Id)).ToList();
        // An event whose source is withheld from this reader keeps its earlier versions to itself too.
        var shown = disclosure.Apply(stored);
        return new EventDossier(shown, ReferenceEquals(shown, stored) ? store.History(id) : [], incident is null ? null : incident with
        {
            Events = [.. incident.Events.Select(disclosure.Apply)],
        }, claims, about);
    }
}
