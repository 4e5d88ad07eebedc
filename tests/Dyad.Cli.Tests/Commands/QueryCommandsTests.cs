using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>events, rejects and stats over a small store, in each output format.</summary>
public sealed class QueryCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public QueryCommandsTests()
    {
        var file = _folder.Write("gtd.csv", Fixtures.Gtd(
            Fixtures.GtdRow(1, "Khorasan Chapter of the Islamic State"),
            Fixtures.GtdRow(2, "Taliban", year: 2021),
            Fixtures.GtdRow(3, "Tehrik-i-Taliban Pakistan (TTP)", country: "Pakistan"),
            "4,2020,13,1,0,,4,Afghanistan,,,,,,,A,,0,,,,,,,1,,,"));
        CliRun.Of("import", file, "--db", Db).GetAwaiter().GetResult().ExitCode.ShouldBe(0);
    }

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    [Fact]
    public async Task Should_Show_The_Province_The_Gazetteer_Placed_An_Event_In_Where_Its_Source_Names_None()
    {
        // ACLED names no province here; its coordinates are Jalalabad's, and a filter by province finds it there.
        var acled = _folder.Write("acled.csv", Fixtures.Acled(
            "AFG900001,2020-05-08,2020,1,Battles,Armed clash,Taliban,,Islamic State (Afghanistan),,Afghanistan,,,,34.43,70.45,1,Invented,An invented clash.,3"));
        (await CliRun.Of("import", acled, "--db", Db)).ExitCode.ShouldBe(0);

        var run = await CliRun.Of("events", "--db", Db, "--dataset", "acled", "--province", "Nangarhar");

        run.ExitCode.ShouldBe(0, run.Errors);
        run.Console.ShouldContain("Nangarhar*");
        run.Console.ShouldContain("the unit the gazetteer placed the event in");
    }

    [Fact]
    public async Task Should_Write_Csv_With_A_Header_And_One_Line_Per_Event()
    {
        var run = await CliRun.Of("events", "--db", Db, "--format", "csv");

        var lines = run.Data.TrimEnd().Split('\n');
        lines[0].ShouldStartWith("id,dataset,dataset_id,date_start,date_end,date_precision,country,");
        lines.Length.ShouldBe(4);
    }

    [Fact]
    public async Task Should_Find_An_Actor_By_Any_Of_Its_Names_And_Not_A_Namesake()
    {
        var afghan = await CliRun.Of("events", "--db", Db, "--actor", "Taleban", "--format", "csv");
        var pakistani = await CliRun.Of("events", "--db", Db, "--actor", "TTP", "--format", "csv");
        var iskp = await CliRun.Of("events", "--db", Db, "--actor", "ولاية خراسان", "--format", "csv");

        afghan.Data.TrimEnd().Split('\n').Skip(1).ShouldHaveSingleItem().ShouldContain(",Taliban,taliban,");
        pakistani.Data.TrimEnd().Split('\n').Skip(1).ShouldHaveSingleItem().ShouldContain(",Tehrik-i-Taliban Pakistan (TTP),ttp,");
        iskp.Data.TrimEnd().Split('\n').Skip(1).ShouldHaveSingleItem().ShouldContain(",Khorasan Chapter of the Islamic State,iskp,");
        afghan.Errors.ShouldContain("Afghan Taliban");
    }

    [Fact]
    public async Task Should_Match_A_Name_Outside_The_Registry_As_Text_And_Say_So()
    {
        var run = await CliRun.Of("events", "--db", Db, "--actor", "Invented", "--format", "csv");

        run.Errors.ShouldContain("not one actor in the registry");
        run.Data.TrimEnd().Split('\n').Length.ShouldBe(4, "every fixture row targets the Invented Army");
    }

    [Fact]
    public async Task Should_Write_Json_That_Parses()
    {
        var run = await CliRun.Of("events", "--db", Db, "--country", "afghanistan", "--format", "json");

        using var json = JsonDocument.Parse(run.Data);
        var events = json.RootElement.EnumerateArray().ToList();
        events.Count.ShouldBe(2);
        events[0].GetProperty("actor1").GetString().ShouldBe("Khorasan Chapter of the Islamic State");
        events[0].GetProperty("source_row").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Should_Write_GeoJson_Points_In_Longitude_Latitude_Order()
    {
        var run = await CliRun.Of("events", "--db", Db, "--format", "geojson", "--from", "2021-01-01");

        using var json = JsonDocument.Parse(run.Data);
        json.RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        var feature = json.RootElement.GetProperty("features").EnumerateArray().ShouldHaveSingleItem();
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        coordinates[0].GetDouble().ShouldBe(70.45);
        coordinates[1].GetDouble().ShouldBe(34.43);
    }

    [Fact]
    public async Task Should_Show_A_Table_And_How_Many_Matched()
    {
        var run = await CliRun.Of("events", "--db", Db, "--limit", "1");

        run.ExitCode.ShouldBe(0);
        run.Console.ShouldContain("1 of 3 events shown");
    }

    [Fact]
    public async Task Should_Refuse_A_Date_That_Is_Not_A_Year_Month_Or_Day_Written_Out()
    {
        var run = await CliRun.Of("events", "--db", Db, "--from", "15/08/2021");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("2021, 2021-08 or 2021-08-15");
    }

    [Fact]
    public async Task Should_Take_A_Year_Or_A_Month_As_The_Bounds_Of_A_Period()
    {
        var fromYear = await CliRun.Of("events", "--db", Db, "--from", "2021", "--format", "csv");
        var toMonth = await CliRun.Of("events", "--db", Db, "--to", "2020-05", "--format", "csv");
        var before = await CliRun.Of("events", "--db", Db, "--to", "2020-04", "--format", "csv");

        fromYear.Data.TrimEnd().Split('\n').Skip(1).ShouldHaveSingleItem().ShouldContain(",2021-05-08,");
        toMonth.Data.TrimEnd().Split('\n').Length.ShouldBe(3, "--to 2020-05 runs to the end of May 2020");
        before.Data.TrimEnd().Split('\n').Length.ShouldBe(1, "only the header");
    }

    [Fact]
    public async Task Should_Refuse_A_Period_That_Ends_Before_It_Starts()
    {
        var run = await CliRun.Of("rivalry", "IS-K", "Taliban", "--db", Db, "--from", "2021", "--to", "2020-12");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("--to 2020-12 ends before --from 2021 starts");
    }

    [Fact]
    public async Task Should_List_Rejects_With_File_Row_Column_And_Reason()
    {
        var run = await CliRun.Of("rejects", "--db", Db, "--json");

        using var json = JsonDocument.Parse(run.Data);
        var reject = json.RootElement.GetProperty("rejects").EnumerateArray().ShouldHaveSingleItem();
        reject.GetProperty("file").GetString()!.ShouldEndWith("gtd.csv");
        reject.GetProperty("row").GetInt64().ShouldBe(5);
        reject.GetProperty("column").GetString().ShouldBe("imonth");
        reject.GetProperty("reason").GetString()!.ShouldContain("not a month");
    }

    [Fact]
    public async Task Should_Count_Events_By_Dataset_Country_Year_And_Actor()
    {
        var run = await CliRun.Of("stats", "--db", Db, "--json");

        using var json = JsonDocument.Parse(run.Data);
        json.RootElement.GetProperty("events").GetInt64().ShouldBe(3);
        json.RootElement.GetProperty("rejected").GetInt64().ShouldBe(1);
        json.RootElement.GetProperty("by_country").EnumerateArray().First().GetProperty("key").GetString().ShouldBe("Afghanistan");
        json.RootElement.GetProperty("by_year").EnumerateArray().Select(y => y.GetProperty("key").GetString()).ShouldBe(["2020", "2021"]);
    }
}
