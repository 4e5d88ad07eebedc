using Dyad.Store;
using Dyad.Testing;

namespace Dyad.Analysis.Tests.Rivalry;

/// <summary>
/// One clash reported by UCDP and by ACLED counts once, with UCDP's deaths; an event the source leaves open between
/// the two sides counts as neither's.
/// </summary>
public sealed class IncidentCountingTests : IDisposable
{
    private const string GedHeader = "id,year,type_of_violence,conflict_name,side_a,side_b,country,adm_1,adm_2,latitude,longitude,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low";

    private static readonly string[] GedRows =
    [
        "1,2017,2,IS - Taleban,IS,Taleban,Afghanistan,Nangarhar province,Jalalabad district,34.43,70.45,1,2017-01-10 00:00:00.000,2017-01-10 00:00:00.000,5,2,0,0,7,9,6",
        "2,2017,2,IS - Taleban,Taleban,IS,Afghanistan,Nangarhar province,Jalalabad district,34.43,70.45,1,2017-01-20 00:00:00.000,2017-01-20 00:00:00.000,1,3,0,0,4,4,4",
        "3,2017,3,IS - Civilians,IS,Civilians,Afghanistan,Kabul province,Kabul district,34.53,69.17,1,2017-02-05 00:00:00.000,2017-02-05 00:00:00.000,0,0,10,0,10,12,10",
    ];

    private static readonly string[] AcledRows =
    [
        // The same clash as UCDP's first, a few kilometres off, with one more death.
        "AFG1,2017-01-10,2017,1,Battles,Armed clash,Islamic State (Afghanistan),,Taliban,,Afghanistan,Nangarhar,Jalalabad,Jalalabad,34.44,70.47,1,Invented,An invented report.,8",
        // An attack on civilians whose author the source leaves open between the two.
        "AFG2,2017-02-20,2017,1,Violence against civilians,Attack,Taliban and/or Islamic State (Afghanistan),,Civilians (Afghanistan),,Afghanistan,Kunar,Asadabad,Asadabad,34.87,71.15,1,Invented,An invented report.,3",
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private RivalryResultAndStore Compute()
    {
        var ged = _folder.Write("ged.csv", GedHeader + "\n" + string.Join("\n", GedRows) + "\n");
        var acled = _folder.Write("acled.csv", Fixtures.Acled(AcledRows));
        var store = RivalryStores.Import(_folder.File("s.duckdb"), ged, acled);
        return new(RivalryStores.Compute(store), store);
    }

    [Fact]
    public void One_clash_in_two_datasets_is_one_incident_with_ucdp_s_deaths()
    {
        var (r, store) = Compute();
        using var _ = store;

        r.Dyad.Events.ShouldBe(2);
        r.Dyad.Deaths.ShouldBe(11, "UCDP's 7 and 4, not ACLED's 8 added to them");
        r.Incidents.ShouldBe(new Dyad.Analysis.Rivalry.IncidentCounts(Incidents: 4, MultiDataset: 1, Events: 5));
        r.PerDataset.Select(d => (d.Dataset, d.DyadicEvents, d.EventsA, d.EventsEither)).ShouldBe([("acled", 1, 0, 1), ("ucdp-ged", 2, 1, 0)]);
        r.Timeline[0].DyadicEvents.ShouldBe(2);
    }

    [Fact]
    public void An_attack_left_open_between_the_two_is_neither_side_s()
    {
        var (r, store) = Compute();
        using var _ = store;

        (r.SummaryA.Events, r.SummaryB.Events).ShouldBe((1, 0));
        (r.Either.Events, r.Either.Deaths).ShouldBe((1, 3));
        r.Timeline.Sum(t => t.EventsEither).ShouldBe(1);
        r.Provinces.Single(p => p.Name == "Kunar").EventsEither.ShouldBe(1);
        // Both sides present in a district needs each side's own presence: the open attack in Kunar makes neither.
        r.Territory.Overlap.Sum(o => o.ActiveA).ShouldBe(2);
    }

    private sealed record RivalryResultAndStore(Dyad.Analysis.Rivalry.RivalryResult Result, IEventStore Store);
}
