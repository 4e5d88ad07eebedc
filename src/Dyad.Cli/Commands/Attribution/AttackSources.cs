using Dyad.Actors;
using Dyad.Attribution;
using Dyad.Attribution.Attacks;
using Dyad.Cli.Hosting;
using Dyad.Events;
using Dyad.Ingest;
using Dyad.Ingest.Formats;
using Dyad.Store;
using Dyad.Store.DuckDb;

namespace Dyad.Cli.Commands.Attribution;

/// <summary>Where the attribution commands get their attacks: the store, or a file read as an import would read it.</summary>
internal sealed class AttackSources(Registries registries)
{
    public Registries Registries => registries;

    public PerpetratorLabels Labels { get; } = new(registries.Actors, registries.Gazetteer);

    /// <summary>The registries a command names, and every attack in the store it names.</summary>
    public static (AttackSources Sources, IReadOnlyList<Attack> Attacks) Load(StoreSettings settings)
    {
        var sources = new AttackSources(RegistryFiles.Load(settings.Registry));
        using var store = DuckDbEventStore.Open(settings.Db);
        return (sources, sources.FromStore(store));
    }

    public AttributionSetting Setting => new(Labels.Display, registries.Gazetteer.Neighbours);

    /// <summary>
    /// Every event in the store as an attack (or not one), with its perpetrator where known. Notes and citations are
    /// left out: no feature reads them, and GTD's summaries would be most of the memory.
    /// </summary>
    public IReadOnlyList<Attack> FromStore(IEventStore store) => [.. store.Events(new EventFilter(IncludeText: false)).Select(Labels.ToAttack)];

    /// <summary>
    /// The events in a file, placed and resolved the way an import would, without storing them. Rows that cannot be
    /// read are returned as rejects with their row, column and reason.
    /// </summary>
    public (IReadOnlyList<Attack> Attacks, IReadOnlyList<RejectedRow> Rejects) FromFile(string path, FormatFamily? format, CancellationToken cancellationToken)
    {
        using var file = EventFile.Open(path, format);
        var attacks = new List<Attack>();
        var rejects = new List<RejectedRow>();
        foreach (var outcome in file.ReadRows(cancellationToken))
        {
            if (outcome is RejectedRow reject)
            {
                rejects.Add(reject);
                continue;
            }

            var e = ((MappedRow)outcome).Event;
            var place = e.Place;
            var units = registries.Gazetteer.Assign(place.Country, place.Admin1, place.Admin2, place.Name, place.Latitude, place.Longitude, e.Date.Start);
            var context = new ResolutionContext(e.Dataset, place.Country, e.Date.Start);
            // Negative ids: these events are not in the store, and must never be mistaken for ones that are.
            var stored = new StoredEvent(-e.Provenance.Row, e, path, Ids(e.Actors.Actor1, context), Ids(e.Actors.Actor2, context), units);
            attacks.Add(Labels.ToAttack(stored));
        }

        return (attacks, rejects);
    }

    private IReadOnlyList<string> Ids(string? name, ResolutionContext context) =>
        name is null ? [] : registries.Actors.Resolve(name, context).ActorIds;
}
