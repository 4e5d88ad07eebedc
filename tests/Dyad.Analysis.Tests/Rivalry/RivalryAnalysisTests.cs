using Dyad.Analysis.Leaders;
using Dyad.Analysis.Rivalry;
using Dyad.Store;
using Dyad.Testing;

namespace Dyad.Analysis.Tests.Rivalry;

/// <summary>Every figure on five invented UCDP GED events, against answers worked out by hand and against the store's own query.</summary>
public sealed class RivalryAnalysisTests : IDisposable
{
    private const string Header = "id,year,type_of_violence,conflict_name,side_a,side_b,country,adm_1,adm_2,latitude,longitude,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low";

    private static readonly string[] Rows =
    [
        // IS against the Taleban in Nangarhar (Jalalabad): IS lost 5, the Taleban 2.
        "1,2017,2,IS - Taleban,IS,Taleban,Afghanistan,Nangarhar province,Jalalabad district,34.43,70.45,1,2017-01-10 00:00:00.000,2017-01-10 00:00:00.000,5,2,0,0,7,9,6",
        // The Taleban against IS, same place: the Taleban lost 1, IS 3.
        "2,2017,2,IS - Taleban,Taleban,IS,Afghanistan,Nangarhar province,Jalalabad district,34.43,70.45,1,2017-01-20 00:00:00.000,2017-01-20 00:00:00.000,1,3,0,0,4,4,4",
        // IS against civilians in Kabul.
        "3,2017,3,IS - Civilians,IS,Civilians,Afghanistan,Kabul province,Kabul district,34.53,69.17,1,2017-02-05 00:00:00.000,2017-02-05 00:00:00.000,0,0,10,0,10,12,10",
        // The government against the Taleban in Helmand and in Nangarhar.
        "4,2017,1,Afghanistan: Government,Government of Afghanistan,Taleban,Afghanistan,Hilmand province,Lashkar Gah district,31.59,64.37,1,2017-02-06 00:00:00.000,2017-02-06 00:00:00.000,2,1,0,0,3,3,3",
        "5,2017,1,Afghanistan: Government,Government of Afghanistan,Taleban,Afghanistan,Nangarhar province,Jalalabad district,34.43,70.45,1,2017-03-01 00:00:00.000,2017-03-01 00:00:00.000,1,1,0,0,2,2,2",
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Figures_match_the_hand_worked_answers()
    {
        using var store = RivalryStores.Import(_folder.File("s.duckdb"), _folder.Write("ged.csv", Header + "\n" + string.Join("\n", Rows) + "\n"));
        var loss = new LeadershipLoss("Invented Leader", "iskp", new DateOnly(2017, 2, 15), "killed", null, "invented");

        var r = RivalryStores.Compute(store, losses: [loss]);

        r.Dyad.Events.ShouldBe(2);
        (r.Dyad.DeathsLow, r.Dyad.Deaths, r.Dyad.DeathsHigh).ShouldBe((10, 11, 13));
        r.Dyad.DeathsA.ShouldBe(8);   // IS: 5 + 3
        r.Dyad.DeathsB.ShouldBe(3);   // Taleban: 2 + 1
        // What each did: IS's one-sided violence in Kabul; the Taleban's two battles with the government are fighting with the state, not attacks.
        (r.SummaryA.Events, r.SummaryA.Deaths).ShouldBe((1, 10));
        (r.SummaryB.Events, r.SummaryB.Deaths).ShouldBe((0, 0));
        r.RolesB.FoughtState.ShouldBe(new RoleCount(2, 5));
        r.RolesB.Incidents.ShouldBe(2);
        r.Timeline.Select(t => (t.Period.Month, t.DyadicEvents, t.EventsA, t.EventsB)).ShouldBe([(1, 2, 0, 0), (2, 0, 1, 1), (3, 0, 0, 1)]);
        var nangarhar = r.Provinces.Single(p => p.Name == "Nangarhar");
        (nangarhar.DyadicEvents, nangarhar.DyadicDeaths, nangarhar.EventsA, nangarhar.EventsB).ShouldBe((2, 11, 0, 1));
        r.Provinces[0].ShouldBe(nangarhar);
        // Jan: Jalalabad has both; Feb: IS in Kabul, the Taleban in Lashkar Gah; Mar: the Taleban alone.
        r.Territory.Unit.ShouldBe("district");
        r.Territory.Overlap.Select(o => (o.ActiveA, o.ActiveB, o.Both)).ShouldBe([(1, 1, 1), (1, 1, 0), (0, 1, 0)]);
        r.Territory.OverallOverlap.ShouldBe(0.5);
        // Before the loss (Aug 2016 to Jan 2017): the two clashes; after (Mar to Aug 2017): none.
        var leader = r.Leaders.ShouldHaveSingleItem();
        (leader.Events.Before, leader.Events.After).ShouldBe((2, 0));
    }

    [Fact]
    public void The_clash_count_equals_an_independent_query_over_the_store()
    {
        using var store = RivalryStores.Import(_folder.File("s.duckdb"), _folder.Write("ged.csv", Header + "\n" + string.Join("\n", Rows) + "\n"));
        var isk = RivalryStores.IsK.ActorIds;
        var taliban = RivalryStores.Taliban.ActorIds;
        var opposite = store.Events(new EventFilter(ActorIds: isk)).Count(e =>
            (e.Actor1Ids.Intersect(isk).Any() && e.Actor2Ids.Intersect(taliban).Any()) || (e.Actor2Ids.Intersect(isk).Any() && e.Actor1Ids.Intersect(taliban).Any()));

        RivalryStores.Compute(store).Dyad.Events.ShouldBe(opposite);
    }

    [Fact]
    public void Quarters_and_years_add_up_the_months()
    {
        using var store = RivalryStores.Import(_folder.File("s.duckdb"), _folder.Write("ged.csv", Header + "\n" + string.Join("\n", Rows) + "\n"));

        var quarters = RivalryStores.Compute(store, PeriodUnit.Quarter);

        var quarter = quarters.Timeline.ShouldHaveSingleItem();
        (quarter.DyadicEvents, quarter.EventsA, quarter.EventsB).ShouldBe((2, 1, 2));
    }
}
