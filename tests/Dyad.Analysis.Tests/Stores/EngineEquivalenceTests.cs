using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dyad.Claims;
using Dyad.Sources;
using Dyad.Store;
using Dyad.Testing;

namespace Dyad.Analysis.Tests.Stores;

/// <summary>
/// Two stores, one behaviour: the same files, releases and analyst's records, put into a DuckDB store and a PostgreSQL
/// one, read back the same — every event and its verbatim row, places, actors, incidents, the rivalry, versions and
/// records. Runs where a PostgreSQL server is configured (scripts/test-all.sh starts one).
/// </summary>
public sealed class EngineEquivalenceTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    // Invented rows in ACLED's layout: one clash UCDP's sample also reports, and an attack left open between the sides.
    private static readonly string[] AcledRows =
    [
        "AFG1,2017-01-10,2017,1,Battles,Armed clash,Islamic State (Afghanistan),,Taliban,,Afghanistan,Nangarhar,Jalalabad,Jalalabad,34.44,70.47,1,Invented,An invented report.,8",
        "AFG2,2017-02-20,2017,1,Violence against civilians,Attack,Taliban and/or Islamic State (Afghanistan),,Civilians (Afghanistan),,Afghanistan,Kunar,Asadabad,Asadabad,34.87,71.15,1,Invented,An invented report.,3",
    ];

    // Invented rows in GED's layout: the clash ACLED's first row reports, so that the two link into one incident.
    private const string GedHeader =
        "id,year,type_of_violence,conflict_name,side_a,side_b,country,adm_1,adm_2,latitude,longitude,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low";

    private const string GedRow =
        "9000001,2017,2,IS - Taleban,IS,Taleban,Afghanistan,Nangarhar province,Jalalabad district,34.43,70.45,1,2017-01-10 00:00:00.000,2017-01-10 00:00:00.000,5,2,0,0,7,9,6";

    private readonly TempFolder _folder = new();
    private readonly List<(Engine Engine, string Db)> _stores = [];

    public void Dispose()
    {
        foreach (var (engine, db) in _stores)
        {
            TestStores.Remove(engine, db);
        }

        _folder.Dispose();
    }

    [Fact]
    public void Should_Read_Back_The_Same_From_DuckDb_And_PostgreSql()
    {
        var duckDb = Build(Engine.DuckDb);
        var postgres = Build(Engine.Postgres);

        foreach (var (what, fromDuckDb) in duckDb)
        {
            postgres[what].ShouldBe(fromDuckDb, $"{what} differs between DuckDB and PostgreSQL");
        }

        duckDb["events"].Length.ShouldBeGreaterThan(10_000, "the comparison covers real files");
    }

    /// <summary>Builds a store on <paramref name="engine"/> and reads everything a user can read from it, as JSON by name.</summary>
    private Dictionary<string, string> Build(Engine engine)
    {
        var db = TestStores.NewStore(engine, _folder, "equivalence");
        _stores.Add((engine, db));
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        using var store = EventStores.OpenOrCreate(db, clock);

        var samples = Path.Combine(SharedData.RepositoryRoot, "data", "samples");
        var ged = Path.Combine(samples, "ucdp", "ged231_afghanistan_pakistan.csv");
        RivalryStores.Import(store, null,
            Path.Combine(samples, "article", "is-k-and-the-taliban-events.csv"),
            _folder.Write("acled.csv", Fixtures.Acled(AcledRows)),
            _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(201701100001, "Islamic State of Iraq and the Levant (ISIL)"), Fixtures.GtdRow(201701100002, year: 2017, month: 1, day: 10))));
        RivalryStores.Import(store, "23.1", ged);
        // A later release that revises one event (2015) and no longer has another (2016): versions and withdrawals on both engines.
        var lines = File.ReadAllLines(ged);
        var revised = Regex.Replace(lines[2], @",(\d+),(\d+),(\d+),(\d*),(\d*)$",
            m => $",{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 10},{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 10},{m.Groups[3].Value},{m.Groups[4].Value},{m.Groups[5].Value}");
        revised.ShouldNotBe(lines[2], "the revised row has other deaths (best, high, low come last but two)");
        var next = _folder.Write("ged241.csv", string.Join("\n", [lines[0], lines[1], revised, .. lines.Skip(4)]) + "\n");
        RivalryStores.Import(store, "24.1", next);
        // And extracts after the releases (a whole release withdraws its dataset's events it does not have).
        RivalryStores.Import(store, null, Path.Combine(samples, "ucdp", "ged191_afghanistan_selected.geojson"),
            _folder.Write("ged-extract.csv", GedHeader + "\n" + GedRow + "\n"));

        var source = store.AddSource(new Source { Code = "amaq-2017", Type = SourceType.PropagandaOutlet, Title = "An invented statement", Protection = Protection.Public }, "analyst");
        var claim = store.AddClaim(new Claim { SourceId = source.Id, Text = "Invented: the soldiers of the caliphate attacked the Taliban in Jalalabad.", Killed = 5 }, "analyst");
        store.UpdateClaim(claim with { Killed = 7 }, claim, "analyst");
        var events = store.Events(new EventFilter(Limit: 2)).Select(e => e.Id).ToList();
        store.DecideLink(events[0], events[1], same: false, "analyst", "different attacks");
        store.LinkIncidents(new Incidents.IncidentLinker(new Incidents.LinkScorer(Registries.Actors)));

        var revisedEvent = store.FindEvent($"ucdp-ged:{lines[2].Split(',')[0]}")!.Value;
        var withdrawnEvent = store.FindWithdrawnEvent($"ucdp-ged:{lines[3].Split(',')[0]}")!.Value;
        store.History(revisedEvent).Count.ShouldBe(2, "the row 24.1 revised has its 23.1 version too");
        var rivalry = store.Rivalry(new RivalryQuery(RivalryStores.IsK.ActorIds, RivalryStores.Taliban.ActorIds));
        rivalry.Incidents.ShouldContain(c => c.Role == RivalryRole.Dyadic, "the files have clashes between the two");
        store.Incidents(new IncidentFilter()).ShouldNotBeEmpty("UCDP and ACLED report one clash");
        return new Dictionary<string, string>
        {
            ["events"] = Serialize(store.Events(new EventFilter(IncludeRaw: true))),
            ["events of IS-K"] = Serialize(store.Events(new EventFilter(ActorIds: RivalryStores.IsK.ActorIds, Actor: "i", Type: "a"))),
            ["events as of 23.1"] = Serialize(store.Events(new EventFilter(AsOfImport: store.FindImport("23.1")))),
            ["history of a revised event"] = Serialize(store.History(revisedEvent)),
            ["history of a withdrawn event"] = Serialize(store.History(withdrawnEvent)),
            ["statistics"] = Serialize(store.Statistics()),
            ["imports"] = Serialize(store.Imports()),
            ["rejects"] = Serialize(store.Rejects()),
            ["coverage"] = Serialize(store.Coverage()),
            ["unresolved actors"] = Serialize(store.UnresolvedActors()),
            ["incidents"] = Serialize(store.Incidents(new IncidentFilter())),
            ["rivalry cells"] = Serialize(rivalry),
            ["rivalry by quarter"] = Serialize(store.Rivalry(new RivalryQuery(RivalryStores.IsK.ActorIds, RivalryStores.Taliban.ActorIds, PeriodUnit.Quarter,
                new DateOnly(2016, 1, 1), new DateOnly(2020, 12, 31), ["Afghanistan"]))),
            ["rivalry"] = Serialize(RivalryStores.Compute(store)),
            ["sources"] = Serialize(store.Sources()),
            ["claims"] = Serialize(store.Claims()),
            ["changes"] = Serialize(store.Changes()),
        };
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
