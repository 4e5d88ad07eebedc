using Dyad.Events;
using Dyad.Testing;

namespace Dyad.Ingest.Tests;

/// <summary>
/// Every real file in ../shared/data reads completely: each row is an event or a rejection, and these real, clean
/// files have no rejection. Spot checks compare single values with the source file.
/// </summary>
public sealed class RealFilesTests
{
    [Theory]
    [InlineData("gtd/globalterrorismdb_2021Jan-June_1222dist.csv", "gtd", 4960)]
    [InlineData("gtd/globalterrorismdb_2021Jan-June_1222dist.xlsx", "gtd", 4960)]
    [InlineData("gtd/gtd_afg_reduced_cols_MS_Thesis.csv", "gtd", 682)]
    [InlineData("acled/acledR_acled_old_deletion_dummy_global9000.csv", "acled", 9000)]
    [InlineData("acled/acled_afg_taliban_2019-04_2019-10_cosimameyer.csv", "acled", 6742)]
    [InlineData("ucdp/ged_api_pakistan_BatonVatrushka.csv", "ucdp-ged", 5834)]
    [InlineData("ucdp/ged231_sample1000_uncertainUCDP.csv", "ucdp-ged", 1000)]
    [InlineData("ucdp/ged191_afg_selected310_RealCaddish.geojson", "ucdp-ged", 310)]
    [InlineData("ucdp/Nonstate_v23_1.csv", "ucdp-nonstate", 1542)]
    [InlineData("ucdp/OneSided_v23_1.csv", "ucdp-onesided", 1191)]
    [InlineData("ucdp/BattleDeaths_v23_1.csv", "ucdp-battledeaths", 1848)]
    public void Should_Read_Every_Row_Of_A_Real_File(string file, string format, int rows)
    {
        var read = FileRead.Of(SharedData.File(file));

        read.Format.ShouldBe(format);
        read.Read.ShouldBe(rows);
        read.Rejects.ShouldBeEmpty();
        read.Events.Select(e => e.DatasetId).Distinct().Count().ShouldBe(rows, "every row has its own id");
    }

    [Fact]
    public void Should_Map_A_Gtd_Attack_Claimed_By_Iskp_As_The_Source_Has_It()
    {
        var attack = FileRead.Of(SharedData.File("gtd/globalterrorismdb_2021Jan-June_1222dist.csv")).Single("202101130002");

        attack.Date.ShouldBe(EventDate.OnDay(new DateOnly(2021, 1, 13)));
        attack.Place.Country.ShouldBe("Afghanistan");
        attack.Place.Admin1.ShouldBe("Nangarhar");
        attack.Place.Name.ShouldBe("Jalalabad");
        attack.Place.Latitude!.Value.ShouldBe(34.41712, 1e-6);
        attack.Actors.Actor1.ShouldBe("Khorasan Chapter of the Islamic State");
        attack.Actors.Roles.ShouldBe(ActorRoles.PerpetratorTarget);
        attack.Deaths.Best.ShouldBe(1);
        attack.Deaths.Wounded.ShouldBe(1);
        attack.Claim.Claimed.ShouldBe(true);
        attack.Claim.Mode.ShouldBe("Posted to website, blog, etc.");
        attack.Provenance.Raw.ShouldStartWith("202101130002,2021,1,13,");
    }

    [Fact]
    public void Should_Read_A_Gtd_Resolution_Written_As_A_Spreadsheet_Day_Number()
    {
        // The CSV was exported from the .xlsx, so its resolution dates are Excel serials: 44212 is 2021-01-16.
        var attack = FileRead.Of(SharedData.File("gtd/globalterrorismdb_2021Jan-June_1222dist.csv")).Single("202101110026");

        attack.Date.Start.ShouldBe(new DateOnly(2021, 1, 11));
        attack.Date.End.ShouldBe(new DateOnly(2021, 1, 16));
    }

    [Fact]
    public void Should_Count_Afghan_Claims_As_Gtd_Does()
    {
        var afghanistan = FileRead.Of(SharedData.File("gtd/globalterrorismdb_2021Jan-June_1222dist.xlsx")).Events
            .Where(e => e.Place.Country == "Afghanistan").ToList();

        afghanistan.Count.ShouldBe(1453);
        afghanistan.Count(e => e.Actors.Actor1 == "Taliban").ShouldBe(954);
        afghanistan.Count(e => e.Actors.Actor1 == "Khorasan Chapter of the Islamic State").ShouldBe(49);
        afghanistan.Count(e => e.Claim.Claimed == false).ShouldBe(1211);
        afghanistan.Count(e => e.Claim.Claimed == true).ShouldBe(242);
    }

    [Fact]
    public void Should_Map_The_Xlsx_Exactly_As_Its_Csv_Export()
    {
        var fromCsv = FileRead.Of(SharedData.File("gtd/globalterrorismdb_2021Jan-June_1222dist.csv")).Events.ToDictionary(e => e.DatasetId);
        var fromXlsx = FileRead.Of(SharedData.File("gtd/globalterrorismdb_2021Jan-June_1222dist.xlsx")).Events;

        fromXlsx.Count.ShouldBe(fromCsv.Count);
        foreach (var x in fromXlsx)
        {
            var c = fromCsv[x.DatasetId];
            x.Date.ShouldBe(c.Date, x.DatasetId);
            x.Place.ShouldBe(c.Place with { Latitude = x.Place.Latitude, Longitude = x.Place.Longitude }, x.DatasetId);
            (x.Place.Latitude ?? 0).ShouldBe(c.Place.Latitude ?? 0, 1e-9, x.DatasetId);
            x.Actors.Actor1.ShouldBe(c.Actors.Actor1, x.DatasetId);
            x.Actors.Actor1Associates.ShouldBe(c.Actors.Actor1Associates, x.DatasetId);
            x.Category.AttackTypes.ShouldBe(c.Category.AttackTypes, x.DatasetId);
            x.Category.WeaponTypes.ShouldBe(c.Category.WeaponTypes, x.DatasetId);
            x.Deaths.ShouldBe(c.Deaths, x.DatasetId);
            x.Claim.ShouldBe(c.Claim, x.DatasetId);
            x.Notes.ShouldBe(c.Notes, x.DatasetId);
        }
    }

    [Fact]
    public void Should_Read_A_Reduced_Gtd_Extract_With_Year_Precision_And_Codebook_Labels()
    {
        var read = FileRead.Of(SharedData.File("gtd/gtd_afg_reduced_cols_MS_Thesis.csv"));

        read.Events.ShouldAllBe(e => e.Date.Precision == DatePrecision.Year && e.Place.Country == "Afghanistan");
        read.Events.Count(e => e.Actors.Actor1 == "Taliban").ShouldBe(538);
        read.Events.Count(e => e.Actors.Actor1 == "Khorasan Chapter of the Islamic State").ShouldBe(59);
        read.Events.First().Category.AttackTypes.ShouldBe(["Hostage Taking (Kidnapping)"]);
        read.Warnings.ShouldContain(w => w.Contains("imonth") && w.Contains("latitude"));
    }

    [Fact]
    public void Should_Read_The_Ucdp_Api_Names_And_Its_Trailing_Comma()
    {
        var read = FileRead.Of(SharedData.File("ucdp/ged_api_pakistan_BatonVatrushka.csv"));
        var first = read.Single("51720");

        first.Date.ShouldBe(EventDate.OnDay(new DateOnly(1990, 3, 27)));
        first.Deaths.Best.ShouldBe(1);
        first.Deaths.Unknown.ShouldBe(1);
        first.Place.Admin1.ShouldBe("Sindh Province");
        first.Actors.Actor1.ShouldBe("Mohajir");
        first.Actors.Actor2.ShouldBe("Sindhi");
        read.Events.Count(e => e.Actors.Actor1 == "IS" || e.Actors.Actor2 == "IS").ShouldBe(40);
        read.Events.Count(e => e.Actors.Actor1 == "TTP" || e.Actors.Actor2 == "TTP").ShouldBe(4024);
    }

    [Fact]
    public void Should_Read_Ged_Ranges_And_Estimates()
    {
        var syria = FileRead.Of(SharedData.File("ucdp/ged231_sample1000_uncertainUCDP.csv")).Single("300380");

        syria.Date.ShouldBe(EventDate.OnDay(new DateOnly(2013, 1, 3)));
        syria.Deaths.ShouldBe(new DeathToll { Low = 2, Best = 2, High = 2, Actor1 = 0, Actor2 = 2, Civilians = 0, Unknown = 0 });
        syria.Place.Admin1.ShouldBe("Idlib governorate");
        syria.Category.Type.ShouldBe("State-based conflict");
    }

    [Fact]
    public void Should_Read_Ged_Points_From_GeoJson_With_Numbers_Written_As_Text()
    {
        var clash = FileRead.Of(SharedData.File("ucdp/ged191_afg_selected310_RealCaddish.geojson")).Single("197861");

        clash.Actors.Actor1.ShouldBe("IS");
        clash.Actors.Actor2.ShouldBe("Taleban");
        clash.Date.Start.ShouldBe(new DateOnly(2015, 5, 24));
        clash.Date.End.ShouldBe(new DateOnly(2015, 5, 25));
        clash.Deaths.Actor1.ShouldBe(15);
        clash.Deaths.Actor2.ShouldBe(10);
        clash.Place.Longitude!.Value.ShouldBe(62.073124, 1e-9);
        clash.Place.Latitude!.Value.ShouldBe(32.755167, 1e-9);
        clash.Citations.ShouldNotBeNull().ShouldStartWith("\"Xinhua News Agency");
    }

    [Fact]
    public void Should_Read_Acled_Standard_Exports()
    {
        var read = FileRead.Of(SharedData.File("acled/acledR_acled_old_deletion_dummy_global9000.csv"));
        var attack = read.Single("AFG63558");

        attack.Date.ShouldBe(EventDate.OnDay(new DateOnly(2022, 3, 18)));
        attack.Actors.Actor1.ShouldBe("National Resistance Front");
        attack.Actors.Actor2.ShouldBe("Military Forces of Afghanistan (2021-)");
        attack.Actors.Actor1Associates.ShouldBeEmpty("ACLED's NA is no associate");
        attack.Place.Admin1.ShouldBe("Kabul");
        attack.Place.Admin2.ShouldBe("Paghman");
        attack.Deaths.Best.ShouldBe(3);
        read.Events.Count(e => e.Place.Country == "Afghanistan").ShouldBe(105);
        read.Events.Count(e => e.Place.Country == "Pakistan").ShouldBe(224);
    }

    [Fact]
    public void Should_Read_Acled_With_Renamed_Columns_And_Keep_An_Ambiguous_Actor_As_Written()
    {
        var read = FileRead.Of(SharedData.File("acled/acled_afg_taliban_2019-04_2019-10_cosimameyer.csv"));

        var ambiguous = read.Events.Where(e => e.Actors.Actor1 == "Taliban and/or Islamic State (Afghanistan)" || e.Actors.Actor2 == "Taliban and/or Islamic State (Afghanistan)").ToList();
        ambiguous.Count.ShouldBe(499);
        var first = read.Events.First(e => e.Actors.Actor2 == "Taliban and/or Islamic State (Afghanistan)");
        first.Date.Start.ShouldBe(new DateOnly(2019, 9, 28));
        first.Place.Admin1.ShouldBe("Nangarhar");
        first.Category.Type.ShouldBe("Explosions/Remote violence");
        first.Deaths.Best.ShouldBe(2);
        first.DatasetId.ShouldStartWith("row:", Case.Sensitive, "the file has no event ids, so Dyad makes stable ones");
    }

    [Fact]
    public void Should_Give_The_Same_Ids_When_A_File_Without_Ids_Is_Read_Again()
    {
        var path = SharedData.File("acled/acled_afg_taliban_2019-04_2019-10_cosimameyer.csv");

        FileRead.Of(path).Events.Select(e => e.DatasetId).ShouldBe(FileRead.Of(path).Events.Select(e => e.DatasetId));
    }

    [Fact]
    public void Should_Read_Ucdp_Dyad_Years_For_The_Is_Taleban_Conflict()
    {
        var years = FileRead.Of(SharedData.File("ucdp/Nonstate_v23_1.csv")).Events
            .Where(e => e.Category.Subtype == "UCDP conflict 13540")
            .ToDictionary(e => e.Date.Start.Year, e => e.Deaths.Best);

        years.ShouldBe(new Dictionary<int, int?> { [2015] = 292, [2016] = 181, [2017] = 343, [2018] = 577, [2019] = 51 }, ignoreOrder: true);
    }
}
