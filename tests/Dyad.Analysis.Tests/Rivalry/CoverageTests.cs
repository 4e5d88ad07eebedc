using Dyad.Analysis.Leaders;
using Dyad.Analysis.Rivalry;
using Dyad.Store;

namespace Dyad.Analysis.Tests.Rivalry;

/// <summary>Outside a source's coverage, no event is not zero events: turning points and leaders' windows respect it.</summary>
public sealed class CoverageTests
{
    private static readonly Side A = new("iskp", "IS-K", ["iskp"]);
    private static readonly Side B = new("taliban", "Taliban", ["taliban"]);

    /// <summary>UCDP reports two clashes a month throughout 2018-2019; an ACLED extract adds ten a month from April to September 2019.</summary>
    private static RivalryCells Cells()
    {
        var cells = new List<RivalryCell>();
        for (var month = new DateOnly(2018, 1, 1); month <= new DateOnly(2019, 12, 1); month = month.AddMonths(1))
        {
            cells.Add(Cell("ucdp-ged", month, 2));
            if (month >= new DateOnly(2019, 4, 1) && month <= new DateOnly(2019, 9, 1))
            {
                cells.Add(Cell("acled", month, 10));
            }
        }

        return new RivalryCells(cells, cells);
    }

    private static RivalryCell Cell(string dataset, DateOnly month, long events) =>
        new(RivalryRole.Dyadic, dataset, month, "af/nangarhar", null, null, events, events, events, events, null, null, 0, 0);

    private static readonly FileCoverage[] Files =
    [
        new("ucdp-ged", "ged.csv", new DateOnly(2018, 1, 1), new DateOnly(2019, 12, 31), null),
        new("acled", "acled_extract.csv", new DateOnly(2019, 4, 1), new DateOnly(2019, 9, 30), "events involving the Taliban"),
    ];

    [Fact]
    public void A_change_where_a_source_begins_or_ends_is_coverage_not_a_turning_point()
    {
        var blind = RivalryAnalysis.Compute(A, B, Cells(), PeriodUnit.Month, [], key => key);
        var aware = RivalryAnalysis.Compute(A, B, Cells(), PeriodUnit.Month, [], key => key, Files);

        blind.TurningPoints.ShouldContain(new DateOnly(2019, 4, 1));
        aware.TurningPoints.ShouldBeEmpty();
        aware.CoverageEdgeChanges.ShouldContain(new DateOnly(2019, 4, 1));
        aware.Coverage.Count.ShouldBe(2);
    }

    [Fact]
    public void A_leader_s_windows_are_counted_only_in_the_sources_that_cover_both()
    {
        // Killed in June 2019: ACLED covers the three months before and the three after, not six; UCDP covers both.
        var loss = new LeadershipLoss("Invented Leader", "iskp", new DateOnly(2019, 6, 15), "killed", null, "invented");

        var blind = RivalryAnalysis.Compute(A, B, Cells(), PeriodUnit.Month, [loss], key => key).Leaders.Single();
        var aware = RivalryAnalysis.Compute(A, B, Cells(), PeriodUnit.Month, [loss], key => key, Files).Leaders.Single();

        aware.Datasets.ShouldBe(["ucdp-ged"]);
        (aware.Events.Before, aware.Events.After).ShouldBe((12, 12));
        (blind.Events.Before, blind.Events.After).ShouldBe((32, 42), "ACLED adds two months before and three after: the group looks busier after");
    }
}
