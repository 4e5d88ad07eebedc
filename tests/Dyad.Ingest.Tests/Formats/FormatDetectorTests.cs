using Dyad.Ingest.Formats;

namespace Dyad.Ingest.Tests.Formats;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData("eventid,iyear,imonth,iday,country_txt,gname", SourceFormat.Gtd)]
    [InlineData(",iyear,country,attacktype1,weaptype1,gname,nkill", SourceFormat.Gtd)]
    [InlineData("event_id_cnty,event_date,year,time_precision,actor1", SourceFormat.Acled)]
    [InlineData("event_date,Year,Type,Sub_type,Actor1,Actor2,admin1", SourceFormat.Acled)]
    [InlineData("id,relid,year,side_a,side_b,date_start,date_end,best,low,high", SourceFormat.UcdpGed)]
    [InlineData("id,relid,year,side_a,side_b,date_start,best_est,high_est,low_est", SourceFormat.UcdpGed)]
    [InlineData("id,year,source_art,side_a,side_b,adm_2,date_start,date_end,deaths_a,deaths_b", SourceFormat.UcdpGed)]
    [InlineData("conflict_id,dyad_id,side_a_name,side_b_name,year,best_fatality_estimate", SourceFormat.UcdpNonState)]
    [InlineData("conflict_id,dyad_id,actor_id,actor_name,year,best_fatality_estimate", SourceFormat.UcdpOneSided)]
    [InlineData("conflict_id,dyad_id,side_a,side_b,year,bd_best,bd_low,bd_high", SourceFormat.UcdpBattleDeaths)]
    public void Should_Recognise_A_Dataset_From_Its_Header(string header, SourceFormat expected) =>
        FormatDetector.Detect(header.Split(',')).ShouldBe(expected);

    [Fact]
    public void Should_Not_Guess_An_Unknown_Header() =>
        FormatDetector.Detect(["name", "date", "value"]).ShouldBeNull();

    [Fact]
    public void Should_Let_The_User_Force_A_Family_Whatever_The_Header() =>
        FormatDetector.Detect(["name", "date"], FormatFamily.Gtd).ShouldBe(SourceFormat.Gtd);

    [Fact]
    public void Should_Keep_The_Exact_Ucdp_Table_When_Ucdp_Is_Forced() =>
        FormatDetector.Detect(["dyad_id", "year", "bd_best", "side_a"], FormatFamily.Ucdp).ShouldBe(SourceFormat.UcdpBattleDeaths);
}
