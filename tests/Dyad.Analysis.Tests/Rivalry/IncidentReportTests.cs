using Dyad.Testing;

namespace Dyad.Analysis.Tests.Rivalry;

/// <summary>What makes one report of an incident: ACLED's split tolls are added up, a row a file repeats is the same report.</summary>
public sealed class IncidentReportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_toll_acled_split_across_two_events_of_one_incident_is_their_sum()
    {
        const string row = "{0},2019-05-12,2019,1,Battles,Armed clash,Islamic State (Afghanistan),,Taliban,,Afghanistan,Nangarhar,Achin,Achin,34.13,70.68,1,Invented,\"An invented clash in two villages. 10 fatalities split across 2 events.\",5";
        using var store = RivalryStores.Import(_folder.File("s.duckdb"), _folder.Write("acled.csv", Fixtures.Acled(string.Format(System.Globalization.CultureInfo.InvariantCulture, row, "AFG1"), string.Format(System.Globalization.CultureInfo.InvariantCulture, row, "AFG2"))));

        var r = RivalryStores.Compute(store);

        r.Dyad.Events.ShouldBe(1, "the two parts are one incident");
        r.Dyad.Deaths.ShouldBe(10, "the parts of a split toll add up; their median (5) would halve it");
    }

    [Fact]
    public void A_row_a_file_repeats_is_one_incident_even_without_deaths()
    {
        const string row = "AFG{0},2019-09-28,2019,1,Violence against civilians,Attack,Taliban,,Civilians (Afghanistan),,Afghanistan,Logar,Puli Alam,Puli Alam,33.99,69.02,1,Invented,\"On 28 September 2019, invented militants attacked polling centres.\",0";
        var other = "AFG9,2019-09-28,2019,1,Violence against civilians,Attack,Taliban,,Civilians (Afghanistan),,Afghanistan,Logar,Puli Alam,Puli Alam,33.99,69.02,1,Invented,\"Another invented attack the same day.\",0";
        using var store = RivalryStores.Import(_folder.File("s.duckdb"), _folder.Write("acled.csv", Fixtures.Acled(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, row, 1), string.Format(System.Globalization.CultureInfo.InvariantCulture, row, 2), other)));

        var r = RivalryStores.Compute(store);

        r.SummaryB.Events.ShouldBe(2, "the repeated row is one attack; the other report of that day is another");
        r.Incidents.Events.ShouldBe(3);
    }
}
