using Dyad.Actors;
using Dyad.App.Importing;
using Dyad.Store;

namespace Dyad.App.Incidents;

/// <summary>What settling links did: how many decisions were recorded, and the incidents of the events named, as they now are.</summary>
public sealed record LinkDecisionReport(int Decisions, IReadOnlyList<StoredIncident> Incidents);

/// <summary>
/// An analyst settles links. <c>same</c> with two or more events: the first reports the same incident as each other
/// (Dyad will link them); with one: every link of its incident is right. Not <c>same</c> with two or more: they are
/// different incidents; with one: it is none of its incident's other events. Decisions are kept by the datasets' own
/// ids, outlive re-imports and re-links, and are recorded with who made them and when; the incidents are linked again
/// with them, in the same transaction.
/// </summary>
public static class LinkDecisions
{
    /// <param name="events">The events, by the store's id or DATASET:ID.</param>
    /// <exception cref="DyadException">NotFound: an event that is not in the store, or one event in no incident.</exception>
    public static LinkDecisionReport Decide(IDyadStore store, ActorRegistry actors, IReadOnlyList<string> events, bool same, string by, string? note)
    {
        var ids = events.Select(reference => store.FindEvent(reference)
            ?? throw new DyadException(DyadErrorKind.NotFound, $"No event '{reference}' in the store: name it by the id 'dyad events' shows, or as DATASET:ID.")).ToList();
        if (ids.Count == 0)
        {
            throw DyadException.BadUsage("Name the events the decision is about.");
        }

        var pairs = ids.Count > 1 ? [.. ids.Skip(1).Select(other => (ids[0], other))] : PairsInIncident(store, ids[0], same);
        store.Atomically(() =>
        {
            foreach (var (a, b) in pairs)
            {
                store.DecideLink(a, b, same, by, note);
            }

            FileImport.Link(store, actors);
        });
        var incidents = ids.Select(id => store.Incidents(new IncidentFilter(EventId: id)).FirstOrDefault()).OfType<StoredIncident>().DistinctBy(i => i.Id).ToList();
        return new LinkDecisionReport(pairs.Count, incidents);
    }

    private static List<(long, long)> PairsInIncident(IEventStore store, long eventId, bool same)
    {
        var incident = store.Incidents(new IncidentFilter(EventId: eventId)).FirstOrDefault()
            ?? throw new DyadException(DyadErrorKind.NotFound, $"Event {eventId} is linked to no other event; name the event it reports the same incident as.");
        return same
            ? [.. incident.Links.Select(l => (l.EventA, l.EventB))]
            : [.. incident.Events.Where(e => e.Id != eventId).Select(e => (eventId, e.Id))];
    }
}
