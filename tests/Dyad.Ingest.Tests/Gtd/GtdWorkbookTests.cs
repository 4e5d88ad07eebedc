using Dyad.Events;

namespace Dyad.Ingest.Tests.Gtd;

/// <summary>A GTD-layout workbook with all 135 columns and invented rows: cell types become the values a CSV would hold.</summary>
public sealed class GtdWorkbookTests
{
    private static readonly FileRead Workbook = FileRead.Of(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gtd_invented_3rows.xlsx"));

    [Fact]
    public void Should_Read_Numbers_Dates_And_Scripts_From_Cells()
    {
        var attack = Workbook.Single("209901010001");

        attack.Date.ShouldBe(new EventDate(new DateOnly(2021, 3, 14), new DateOnly(2021, 3, 16), DatePrecision.Day));
        attack.Place.Name.ShouldBe("Jalālābād");
        attack.Actors.Actor1Associates.ShouldBe(["Invented Group B"]);
        attack.Actors.Actor2.ShouldBe("Invented Army");
        attack.Deaths.ShouldBe(new DeathToll { Best = 4, Actor1 = 1, Wounded = 7 });
        attack.Category.Suicide.ShouldBe(true);
        attack.Claim.ShouldBe(new ClaimInfo { Claimed = true, Mode = "Posted to website, blog, etc." });
        attack.Notes.ShouldBe("An invented event near ننګرهار for a test.");
        attack.Citations.ShouldBe("Invented Source, 2021");
    }

    [Fact]
    public void Should_Read_Gtd_Unknown_Codes_As_Unknown_Not_Zero()
    {
        var attack = Workbook.Single("209901010002");

        attack.Date.ShouldBe(EventDate.InMonth(2021, 4));
        attack.Claim.Claimed.ShouldBeNull("-9 means unknown");
        attack.Deaths.Best.ShouldBeNull("-99 means unknown");
        attack.Category.Suicide.ShouldBe(false);
    }

    [Fact]
    public void Should_Keep_The_Cells_Verbatim_As_Json()
    {
        var raw = Workbook.Single("209901010003").Provenance.Raw;

        raw.ShouldStartWith("[\"209901010003\",\"2021\",\"0\",\"0\"");
    }
}
