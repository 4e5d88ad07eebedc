using Dyad.Events;
using Dyad.Store.Sql;
using Dyad.Testing;

namespace Dyad.Store.Tests.Sql;

/// <summary>A fresh store on one engine (a file in a temporary folder, or a database of its own), and events to put in it.</summary>
internal sealed class StoreFixture : IDisposable
{
    private readonly TempFolder _folder = new();
    private SqlEventStore? _store;

    public StoreFixture(Engine engine = Engine.DuckDb)
    {
        Engine = engine;
        Db = TestStores.NewStore(engine, _folder);
        _store = Open();
    }

    public Engine Engine { get; }

    /// <summary>The store's file, or its PostgreSQL address.</summary>
    public string Db { get; }

    public SqlEventStore Store => _store!;

    /// <summary>Opens the same store again, as another process (another analyst) would.</summary>
    public SqlEventStore Open() => EventStores.OpenOrCreate(Db);

    public void Reopen()
    {
        _store?.Dispose();
        _store = Open();
    }

    public static ImportSource Source(string dataset = Datasets.Gtd, string file = "fixture.csv") =>
        new(file, dataset, dataset, ["eventid", "iyear"], 100, () => "0123abcd");

    public static MappedRow Event(string id, string actor1 = "Invented Group A", string? country = "Afghanistan",
        DateOnly? day = null, string dataset = Datasets.Gtd, string? actor2 = null, int? deaths = 1, long row = 2) =>
        new(new DyadEvent
        {
            Dataset = dataset,
            DatasetId = id,
            Date = EventDate.OnDay(day ?? new DateOnly(2020, 5, 8)),
            Place = new EventPlace { Country = country, Admin1 = "Nangarhar", Latitude = 34.4, Longitude = 70.4 },
            Actors = new EventActors { Roles = ActorRoles.PerpetratorTarget, Actor1 = actor1, Actor2 = actor2, Actor1Associates = ["Associate"] },
            Category = new EventCategory { Type = "Terrorist attack", Subtype = "Bombing/Explosion", AttackTypes = ["Bombing/Explosion"] },
            Deaths = new DeathToll { Best = deaths },
            Claim = new ClaimInfo { Claimed = false },
            Provenance = new RowProvenance(row, $"{id},raw row"),
        });

    public ImportReport Import(IEnumerable<RowOutcome> rows, ImportSource? source = null) =>
        Import(rows, TestContext.Current.CancellationToken, source);

    /// <summary>Imports the rows and publishes the import, as a command does once it has derived what the events need.</summary>
    public ImportReport Import(IEnumerable<RowOutcome> rows, CancellationToken cancellationToken, ImportSource? source = null)
    {
        var report = Store.Import(source ?? Source(), rows, () => [], cancellationToken: cancellationToken);
        Store.PublishImports();
        return report;
    }

    public void Dispose()
    {
        _store?.Dispose();
        TestStores.Remove(Engine, Db);
        _folder.Dispose();
    }
}
