using Dyad.Incidents;
using static Dyad.Core.Tests.Incidents.LinkSides;

namespace Dyad.Core.Tests.Incidents;

public sealed class IncidentLinkerTests
{
    private static readonly DateOnly Day = new(2021, 4, 25);
    private static readonly DateTimeOffset Decided = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly IncidentLinker _linker = new(Scorer);

    [Fact]
    public void One_gtd_attack_takes_the_best_of_three_acled_rows_that_day_in_town()
    {
        var gtd = Gtd(1, Day, 26.0, 63.05, attack: "Armed Assault", deaths: 2);
        var exact = Acled(10, Day, 26.0, 63.05, subtype: "Attack", deaths: 2);
        var close = Acled(11, Day, 26.0, 63.05, subtype: "Attack", deaths: 3);
        var clash = Acled(12, Day, 26.0, 63.05, subtype: "Armed clash", deaths: 3);
        var result = _linker.Link([new(gtd, close), new(gtd, exact), new(gtd, clash)], [], TestContext.Current.CancellationToken);
        result.Links.ShouldHaveSingleItem().EventB.ShouldBe(10);
        result.IncidentOf.ShouldBe(new Dictionary<long, long> { [1] = 1, [10] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public void An_analyst_s_split_removes_a_link_and_a_confirm_adds_one_the_scores_missed()
    {
        var gtd = Gtd(1, Day, 26.0, 63.05);
        var acled = Acled(10, Day, 26.0, 63.05);
        var far = Acled(20, Day.AddDays(5), 27.0, 64.0);
        var result = _linker.Link([new(gtd, acled)], [new LinkDecision(1, 10, false, "analyst", Decided), new LinkDecision(20, 1, true, "analyst", Decided)], TestContext.Current.CancellationToken);
        var link = result.Links.ShouldHaveSingleItem();
        (link.EventA, link.EventB, link.Rule).ShouldBe((1L, 20L, LinkRules.Analyst));
        link.Reasons.ShouldBe(["confirmed by analyst on 2026-11-01"]);
        result.IncidentOf.ContainsKey(10).ShouldBeFalse();
    }

    [Fact]
    public void Links_do_not_chain_two_events_an_analyst_kept_apart()
    {
        // GTD 1 ~ ACLED 10 and GTD 1 ~ UCDP 30 would make one incident of 10 and 30, which the analyst said differ.
        var gtd = Gtd(1, Day, 26.0, 63.05);
        var acled = Acled(10, Day, 26.0, 63.05);
        var ucdp = Acled(30, Day, 26.0, 63.05) with { Dataset = "ucdp-ged" };
        var result = _linker.Link([new(gtd, acled), new(gtd, ucdp)], [new LinkDecision(10, 30, false, "analyst", Decided)], TestContext.Current.CancellationToken);
        result.Links.Count.ShouldBe(1);
        result.IncidentOf.Values.Distinct().Count().ShouldBe(1);
        (result.IncidentOf.ContainsKey(10) && result.IncidentOf.ContainsKey(30)).ShouldBeFalse();
    }

    [Fact]
    public void Three_datasets_reporting_one_attack_make_one_incident_named_by_its_smallest_id()
    {
        var gtd = Gtd(5, Day, 26.0, 63.05);
        var acled = Acled(3, Day, 26.0, 63.05);
        var ucdp = Acled(9, Day, 26.0, 63.05) with { Dataset = "ucdp-ged" };
        var result = _linker.Link([new(gtd, acled), new(acled, ucdp), new(gtd, ucdp)], [], TestContext.Current.CancellationToken);
        result.IncidentOf.Values.Distinct().ShouldBe([3L]);
        result.IncidentOf.Count.ShouldBe(3);
    }
}
