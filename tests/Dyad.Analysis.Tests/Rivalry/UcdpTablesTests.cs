using Dyad.Analysis.Rivalry;
using Dyad.Testing;

namespace Dyad.Analysis.Tests.Rivalry;

/// <summary>UCDP's own yearly table beside the events of a sample: set beside them, never added to them.</summary>
public sealed class UcdpTablesTests : IDisposable
{
    private const string GedHeader = "id,year,type_of_violence,conflict_name,side_a,side_b,country,adm_1,adm_2,latitude,longitude,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_table_s_deaths_are_set_beside_what_the_sample_holds()
    {
        var ged = _folder.Write("ged.csv", GedHeader + "\n" +
            "1,2017,2,IS - Taleban,IS,Taleban,Afghanistan,Nangarhar province,Jalalabad district,34.43,70.45,1,2017-01-10 00:00:00.000,2017-01-10 00:00:00.000,5,2,0,0,7,9,6\n" +
            "2,2018,2,IS - Taleban,Taleban,IS,Afghanistan,Nangarhar province,Jalalabad district,34.43,70.45,1,2018-01-20 00:00:00.000,2018-01-20 00:00:00.000,1,3,0,0,4,4,4\n");
        var table = _folder.Write("nonstate.csv",
            "conflict_id,dyad_id,side_a_name,side_b_name,year,best_fatality_estimate,low_fatality_estimate,high_fatality_estimate,location\n" +
            "13540,14542,IS,Taleban,2017,343,300,400,Afghanistan\n" +
            "13540,14542,IS,Taleban,2018,577,500,600,Afghanistan\n" +
            // The Islamic State's fighting elsewhere is not IS-K's.
            "13022,13022,IS,PYD,2017,537,500,600,Syria\n");
        using var store = RivalryStores.Import(_folder.File("s.duckdb"), ged, table);

        var r = RivalryStores.Compute(store, Dyad.Store.PeriodUnit.Year);

        r.Dyad.Events.ShouldBe(2, "the table's records are not events");
        r.Dyad.Deaths.ShouldBe(11);
        r.Ucdp.Select(u => (u.Year, u.TableDeaths, u.EventDeaths)).ShouldBe([(2017, 343, 7), (2018, 577, 4)]);
        RoleSentences.UcdpBeside(r).ShouldHaveSingleItem().ShouldBe(
            "UCDP's own yearly table gives 920 deaths in fighting between IS-K and Taliban in 2017–2018; UCDP's events here hold 11 of them (1%): " +
            "the event files here are a sample or an extract of UCDP's, and their figures are not UCDP's totals");
    }
}
