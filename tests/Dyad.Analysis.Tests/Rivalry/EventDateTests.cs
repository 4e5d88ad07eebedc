using Dyad.Store;
using Dyad.Testing;

namespace Dyad.Analysis.Tests.Rivalry;

/// <summary>What a file covers is read from when its events happened, and events known only to the year count where a year can hold them.</summary>
public sealed class EventDateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_kidnapping_resolved_a_year_later_does_not_extend_the_file_s_coverage()
    {
        // Extended (1), resolved on 2 April 2022: the resolution is not a day the file covers.
        var kidnapping = "202106030002,2021,6,3,1,2022-04-02,4,Afghanistan,Nangarhar,Jalalabad,34.43,70.45,1,\"An invented kidnapping, for a test.\",Taliban,,0,,6,Hostage Taking (Kidnapping),Private Citizens & Property,Invented,Firearms,0,0,0,0";
        using var store = RivalryStores.Import(_folder.File("s.duckdb"),
            _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(202101010001, "Taliban", year: 2021, month: 1, day: 1), kidnapping, Fixtures.GtdRow(202106300001, "Taliban", year: 2021, month: 6, day: 30))));

        var coverage = store.Coverage().ShouldHaveSingleItem();

        (coverage.From, coverage.To).ShouldBe((new DateOnly(2021, 1, 1), new DateOnly(2021, 6, 30)));
        store.Events(new EventFilter()).Single(e => e.Event.DatasetId == "202106030002").Event.Date.End.ShouldBe(new DateOnly(2022, 4, 2), "the event keeps its resolution");
    }

    [Fact]
    public void A_study_whose_window_no_source_covers_says_it_cannot_tell()
    {
        // Two files a year apart: a takeover between them has no source that covers the months before and after it.
        var before = _folder.Write("a.csv", Fixtures.Gtd([.. Enumerable.Range(1, 28).Select(d => Fixtures.GtdRow(201901000000 + d, "Taliban", year: 2019, month: ((d - 1) % 12) + 1, day: d))]));
        var after = _folder.Write("b.csv", Fixtures.Gtd([.. Enumerable.Range(1, 12).Select(m => Fixtures.GtdRow(202109000000 + m, "Taliban", year: 2021, month: m, day: 3))]));
        using var store = RivalryStores.Import(_folder.File("s.duckdb"), before, after);
        var takeover = new Dyad.Analysis.Turns.TurningEvent("Taliban takeover of Kabul", "takeover", new DateOnly(2021, 8, 15), ["taliban"], "invented");

        var r = Dyad.Analysis.Rivalry.RivalryAnalysis.Compute(RivalryStores.IsK, RivalryStores.Taliban,
            store.Rivalry(new RivalryQuery(RivalryStores.IsK.ActorIds, RivalryStores.Taliban.ActorIds)), PeriodUnit.Month, [], k => k, store.Coverage(), [takeover]);

        var study = r.AfterTurns.ShouldHaveSingleItem();
        study.IncidentsB.Estimable.ShouldBeFalse();
        study.IncidentsB.Problem!.ShouldStartWith("cannot tell: no source counted covers both the 24 months before 2021-08");
        study.IncidentsB.ExpectedEach.ShouldBeEmpty("no counterfactual is drawn");
    }

    [Fact]
    public void Events_known_only_to_the_year_count_by_year_and_are_named_in_finer_series()
    {
        // A reduced GTD file: the year and the group, no month or day.
        var reduced = _folder.Write("reduced.csv", "eventid,iyear,country_txt,gname,nkill\n1,2015,Afghanistan,Taliban,3\n2,2015,Afghanistan,Taliban,1\n3,2016,Afghanistan,Taliban,0\n");
        var dated = _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(201507010001, "Taliban", year: 2015, month: 7, day: 1)));
        using var store = RivalryStores.Import(_folder.File("s.duckdb"), reduced, dated);

        var years = RivalryStores.Compute(store, PeriodUnit.Year);
        var months = RivalryStores.Compute(store, PeriodUnit.Month);

        years.Timeline.Select(t => (t.Period.Year, t.EventsB)).ShouldBe([(2015, 3), (2016, 1)]);
        years.YearOnly.ShouldBe(0);
        months.Timeline.Sum(t => t.EventsB).ShouldBe(1, "only the dated attack has a month");
        months.YearOnly.ShouldBe(3);
        months.SummaryB.Events.ShouldBe(4, "the totals hold every attack");
        months.Timeline.ShouldNotContain(t => t.Period == new DateOnly(2015, 1, 1) && t.EventsB > 0, "a year-only attack is not January's");
    }
}
