using Dyad.Actors;
using Dyad.Store;

namespace Dyad.App.Importing;

/// <summary>What deriving again did: events assigned to the gazetteer's units (null: places were kept), actor names resolved, incidents linked.</summary>
public sealed record RederivationReport(long? EventsAssigned, ActorResolutionReport Actors, LinkingReport Incidents);

/// <summary>
/// Derives the whole store again after a registry or the gazetteer changed (<c>dyad actors reresolve</c>, <c>dyad places
/// reassign</c>), in one transaction: places first (an event without a country takes the gazetteer's, which actor
/// resolution uses), then actors, then the incidents, which compare both. An interruption leaves the store as it was.
/// </summary>
public static class Rederivation
{
    /// <summary>Resolves every actor name again, and links the incidents again.</summary>
    public static RederivationReport Actors(IEventStore store, ActorRegistry registry) => store.Atomically(() =>
    {
        var actors = store.ResolveActors(registry, all: true);
        return new RederivationReport(null, actors, FileImport.Link(store, registry));
    });

    /// <summary>Assigns every event to the gazetteer's units again, then resolves actors and links incidents again.</summary>
    public static RederivationReport Places(IEventStore store, Registries registries) => store.Atomically(() =>
    {
        var assigned = store.AssignPlaces(registries.Gazetteer, all: true);
        var actors = store.ResolveActors(registries.Actors, all: true);
        return new RederivationReport(assigned, actors, FileImport.Link(store, registries.Actors));
    });
}
