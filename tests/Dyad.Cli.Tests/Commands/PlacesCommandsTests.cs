using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

public sealed class PlacesCommandsTests
{
    [Fact]
    public async Task Should_Locate_Jalalabad_In_Nangarhar()
    {
        var run = await CliRun.Of("places", "locate", "34.4265", "70.4515", "--json");

        using var json = JsonDocument.Parse(run.Data);
        json.RootElement.GetProperty("province").GetProperty("id").GetString().ShouldBe("af/nangarhar");
    }

    [Fact]
    public async Task Should_Refuse_A_Point_That_Is_Not_One()
    {
        var run = await CliRun.Of("places", "locate", "north", "70");

        run.ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("places", "resolve", " ")]
    [InlineData("actors", "resolve", "")]
    public async Task Should_Refuse_An_Empty_Name(params string[] args) => (await CliRun.Of(args)).ExitCode.ShouldBe(2);

    [Fact]
    public async Task Should_Resolve_A_Variant_Spelling()
    {
        var run = await CliRun.Of("places", "resolve", "Konar", "--json");

        using var json = JsonDocument.Parse(run.Data);
        json.RootElement.GetProperty("candidates")[0].GetProperty("id").GetString().ShouldBe("af/kunar");
    }

    [Fact]
    public async Task Should_Query_Events_Of_One_Group_By_One_Name_And_By_Province_Across_Datasets()
    {
        using var folder = new TempFolder();
        var db = folder.File("store.duckdb");
        var files = new[] { "gtd/globalterrorismdb_2021Jan-June_1222dist.csv", "acled/acled_afg_taliban_2019-04_2019-10_cosimameyer.csv",
            "acled/acledR_acled_old_deletion_dummy_global9000.csv", "ucdp/ged191_afg_selected310_RealCaddish.geojson", "ucdp/ged_api_pakistan_BatonVatrushka.csv" }
            .Select(SharedData.File).ToArray();
        (await CliRun.Of(["import", .. files, "--db", db])).ExitCode.ShouldBe(0);

        var iskp = await CliRun.Of("events", "--db", db, "--actor", "IS-K", "--format", "json");
        var nangarhar = await CliRun.Of("events", "--db", db, "--province", "Ningarhar", "--format", "json");

        DatasetsOf(iskp).ShouldBe(["acled", "gtd", "ucdp-ged"]);
        DatasetsOf(nangarhar).ShouldBe(["acled", "gtd", "ucdp-ged"]);
        nangarhar.Errors.ShouldContain("Nangarhar (af/nangarhar)");
    }

    [Fact]
    public async Task Should_Reassign_The_Same_Places_Again()
    {
        using var folder = new TempFolder();
        var db = folder.File("store.duckdb");
        var file = folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(1), Fixtures.GtdRow(2, country: "Pakistan")));
        (await CliRun.Of("import", file, "--db", db)).ExitCode.ShouldBe(0);
        var before = (await CliRun.Of("events", "--db", db, "--format", "json")).Data;

        var run = await CliRun.Of("places", "reassign", "--db", db, "--json");

        run.ExitCode.ShouldBe(0, run.Errors);
        run.Data.ShouldContain("\"events_assigned\":2");
        (await CliRun.Of("events", "--db", db, "--format", "json")).Data.ShouldBe(before);
        before.ShouldContain("\"admin1_id\":\"af/nangarhar\"");
    }

    private static List<string> DatasetsOf(CliRun run)
    {
        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetProperty("dataset").GetString()!).Distinct().Order(StringComparer.Ordinal)];
    }
}
