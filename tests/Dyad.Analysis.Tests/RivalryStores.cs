using Dyad.Analysis.Leaders;
using Dyad.Analysis.Rivalry;
using Dyad.Incidents;
using Dyad.Ingest;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Dyad.Store.Sql;
using Dyad.Testing;

namespace Dyad.Analysis.Tests;

/// <summary>Stores made from files as an import makes them (places, actors and incidents derived), and the IS-K / Taliban rivalry over them.</summary>
internal static class RivalryStores
{
    public static DuckDbEventStore Import(string db, params string[] paths)
    {
        var store = DuckDbEventStore.Open(db);
        Import(store, null, paths);
        return store;
    }

    /// <summary>Imports the files into <paramref name="store"/> (as one <paramref name="release"/> of their dataset, if given) and derives what their events need.</summary>
    public static void Import(SqlEventStore store, string? release, params string[] paths)
    {
        foreach (var path in paths)
        {
            using var file = EventFile.Open(path);
            store.Import(new ImportSource(path, "test", file.Dataset, file.Columns, new FileInfo(path).Length, () => "test") { Release = release },
                file.ReadRows(TestContext.Current.CancellationToken), () => file.Warnings, cancellationToken: TestContext.Current.CancellationToken);
        }

        store.Atomically(() =>
        {
            store.AssignPlaces(Registries.Gazetteer);
            store.ResolveActors(Registries.Actors);
            store.LinkIncidents(new IncidentLinker(new LinkScorer(Registries.Actors)));
            store.PublishImports();
        });
    }

    public static Side IsK => new("iskp", "IS-K", Registries.Actors.WithMembers("iskp"));

    public static Side Taliban => new("taliban", "Taliban", Registries.Actors.WithMembers("taliban"));

    public static RivalryResult Compute(IEventStore store, PeriodUnit by = PeriodUnit.Month, IReadOnlyList<LeadershipLoss>? losses = null) =>
        Compute(store, IsK, Taliban, by, losses);

    public static RivalryResult Compute(IEventStore store, Side a, Side b, PeriodUnit by = PeriodUnit.Month, IReadOnlyList<LeadershipLoss>? losses = null) =>
        RivalryAnalysis.Compute(a, b, store.Rivalry(new RivalryQuery(a.ActorIds, b.ActorIds, States: Registries.Actors.IdsOfKind("state"))), by, losses ?? [],
            key => Registries.Gazetteer.Find(key)?.Name ?? key);

    public static Side SideOf(string id) => new(id, id, Registries.Actors.WithMembers(id));
}
