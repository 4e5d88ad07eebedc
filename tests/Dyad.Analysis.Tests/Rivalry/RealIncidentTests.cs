using Dyad.Store;
using Dyad.Testing;

namespace Dyad.Analysis.Tests.Rivalry;

/// <summary>Incidents and ambiguous actors on the real files in ../shared/data.</summary>
public sealed class RealIncidentTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Gtd_and_acled_reports_of_the_same_attacks_in_balochistan_are_linked()
    {
        using var store = RivalryStores.Import(_folder.File("b.duckdb"),
            SharedData.File("gtd/globalterrorismdb_2021Jan-June_1222dist.csv"),
            SharedData.File("acled/acled_balochistan_2020-2024_somaiyahhafeez.csv"));

        var incidents = store.Incidents(new IncidentFilter(new DateOnly(2021, 1, 1), new DateOnly(2021, 6, 30), "Pakistan"));
        var pairs = incidents.Where(i => i.Datasets.Count == 2)
            .ToDictionary(i => i.Events.Single(e => e.Event.Dataset == "gtd").Event.DatasetId, i => i.Events.Single(e => e.Event.Dataset == "acled").Event.DatasetId);

        // 56 GTD events in Balochistan in those months, 123 ACLED ones; 25 linked when this test was written, every one
        // checked by hand against both sources' places, dates, deaths and narratives.
        pairs.Count.ShouldBeInRange(20, 30);
        pairs["202101200005"].ShouldBe("row:ef6d2259f2e1cca8f95d9c94b71c4c2d", "the BLA's IED in Sangaan, 4 killed in both");
        pairs["202103060009"].ShouldBe("row:34d1034cb3e51c303914a90cd6db1374", "the BLA's attack in Ganz, 2 killed in both");
        pairs["202101100007"].ShouldBe("row:af026f55d8bfab40cad6b9f184536b47", "GTD's unknown bomber in Turbat is ACLED's BLA");
        pairs["202105310008"].ShouldBe("row:ab2685c9e94d3928526e28d6b931172a", "9 killed in both, 24 km apart");
        pairs.ShouldNotContainKey("202101020003", "the Islamic State's massacre of miners in Machh has no ACLED report among Baloch groups' events");
    }

    [Fact]
    public void An_acled_actor_left_open_between_is_k_and_the_taliban_is_neither_s_own_violence()
    {
        using var store = RivalryStores.Import(_folder.File("a.duckdb"), SharedData.File("acled/acled_afg_taliban_2019-04_2019-10_cosimameyer.csv"));

        var r = RivalryStores.Compute(store);

        r.Either.Events.ShouldBe(499);
        r.SummaryA.Events.ShouldBe(0, "the file names IS-K alone only in its clashes with the Taliban");
        r.Dyad.Events.ShouldBe(27);
        r.Territory.OverallOverlap.ShouldBe(1.0, "IS-K is active only where it clashed with the Taliban");
    }
}
