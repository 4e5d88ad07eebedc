using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>model train, attribute and backtest as a user runs them, on an invented GTD-layout file.</summary>
public sealed class AttributionCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    private string Model => _folder.File("store.model.zip");

    [Fact]
    public async Task Should_Train_Then_Attribute_The_Events_Of_A_Fresh_File_And_Name_Rows_It_Cannot_Read()
    {
        await ImportInventedWorld();
        var train = await CliRun.Of("model", "train", "--db", Db, "--json");
        train.ExitCode.ShouldBe(0, train.Errors);
        File.Exists(Model).ShouldBeTrue();
        using (var model = JsonDocument.Parse(train.Data))
        {
            var classes = model.RootElement.GetProperty("metadata").GetProperty("classes").EnumerateArray().Select(c => c.GetString()).ToList();
            classes.ShouldBe(["iskp", "taliban", "other"], ignoreOrder: true);
        }

        var fresh = _folder.Write("fresh.csv", Fixtures.Gtd(
            Row(900001, 2021, 3, 2, "Nangarhar", "Jalalabad", 34.43, 70.45, "Unknown", "Bombing/Explosion", "Explosives"),
            "900002,,3,2,0,,4,Afghanistan,Helmand,Lashkar Gah,31.59,64.37,1,,Unknown,,0,,2,Armed Assault,Police,,Firearms,1,0,0,0"));
        var run = await CliRun.Of("attribute", "--file", fresh, "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Errors);
        run.Errors.ShouldContain("fresh.csv, row 3, column iyear");
        using var json = JsonDocument.Parse(run.Data);
        var attribution = json.RootElement.EnumerateArray().ShouldHaveSingleItem();
        attribution.GetProperty("dataset_id").GetString().ShouldBe("900001");
        attribution.GetProperty("top_group").GetString().ShouldBe("Islamic State Khorasan Province");
        attribution.GetProperty("verdict").GetString().ShouldBe("attributed");
        attribution.GetProperty("similar").GetArrayLength().ShouldBe(5);
        attribution.GetProperty("drivers").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Should_Backtest_And_Refuse_A_Bad_Model_File()
    {
        await ImportInventedWorld();
        var backtest = await CliRun.Of("backtest", "--split", "2020-07-01", "--db", Db);
        backtest.ExitCode.ShouldBe(0, backtest.Errors);
        backtest.Console.ShouldContain("Majority group");
        backtest.Console.ShouldContain("Province's majority group");
        backtest.Console.ShouldContain("Reliability");

        var notAModel = _folder.Write("bad.model.zip", "this is not a model");
        var attribute = await CliRun.Of("attribute", "--unclaimed", "--db", Db, "--model", notAModel);
        attribute.ExitCode.ShouldBe(3);
        attribute.Errors.ShouldContain("bad.model.zip: not a readable Dyad model file");

        (await CliRun.Of("backtest", "--db", Db)).ExitCode.ShouldBe(2);
        (await CliRun.Of("attribute", "--db", Db)).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Should_Walk_Forward_Step_By_Step_And_Pool_The_Steps()
    {
        await ImportInventedWorld();
        var run = await CliRun.Of("backtest", "--walk-forward", "--from", "2020-07-01", "--step", "quarter", "--retrain", "once", "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("from").GetString()).ShouldBe(["2020-07-01", "2020-10-01"]);
        steps.ShouldAllBe(s => s.GetProperty("trained_until").GetString() == "2020-07-01");
        steps[0].GetProperty("train_seconds").GetDouble().ShouldBeGreaterThan(0);
        steps[1].GetProperty("train_seconds").GetDouble().ShouldBe(0, "trained once: the second step keeps the first step's model");
        json.RootElement.GetProperty("test_attacks").GetInt32().ShouldBe(steps.Sum(s => s.GetProperty("test_attacks").GetInt32()));
        json.RootElement.GetProperty("retrain").GetString().ShouldBe("once");

        var console = await CliRun.Of("backtest", "--walk-forward", "--from", "2020-07-01", "--db", Db);
        console.ExitCode.ShouldBe(0, console.Errors);
        console.Console.ShouldContain("Step by step");
        (await CliRun.Of("backtest", "--walk-forward", "--db", Db)).Errors.ShouldContain("--walk-forward needs --from");
        (await CliRun.Of("backtest", "--walk-forward", "--from", "2020-07-01", "--retrain", "weekly", "--db", Db)).ExitCode.ShouldBe(2);

        var bounded = await CliRun.Of("backtest", "--walk-forward", "--from", "2020-07-01", "--step", "quarter", "--retrain", "once", "--to", "2020-11-15", "--db", Db, "--json");
        bounded.ExitCode.ShouldBe(0, bounded.Errors);
        using var part = JsonDocument.Parse(bounded.Data);
        var partSteps = part.RootElement.GetProperty("steps").EnumerateArray().ToList();
        partSteps.Select(s => s.GetProperty("from").GetString()).ShouldBe(["2020-07-01", "2020-10-01"]);
        DateOnly.Parse(partSteps[1].GetProperty("to").GetString()!, CultureInfo.InvariantCulture).ShouldBeLessThan(new DateOnly(2020, 11, 15));
        part.RootElement.GetProperty("test_attacks").GetInt32().ShouldBeLessThan(json.RootElement.GetProperty("test_attacks").GetInt32());
        var early = await CliRun.Of("backtest", "--walk-forward", "--from", "2020-07-01", "--to", "2020-07-01", "--db", Db);
        early.ExitCode.ShouldBe(2);
        early.Errors.ShouldContain("--to 2020-07-01 is the first day not tested: it must come after --from 2020-07-01.");
    }

    [Fact]
    public async Task Should_List_And_Attribute_The_Unclaimed_Attacks_Of_Several_Provinces_And_Read_Its_Own_Export()
    {
        await ImportInventedWorld(unknown: true);
        (await CliRun.Of("model", "train", "--db", Db)).ExitCode.ShouldBe(0);

        var listed = await CliRun.Of("events", "--unclaimed", "--province", "Nangarhar, Helmand", "--db", Db, "--format", "json");
        listed.ExitCode.ShouldBe(0, listed.Errors);
        using (var events = JsonDocument.Parse(listed.Data))
        {
            events.RootElement.GetArrayLength().ShouldBe(20);
            events.RootElement.EnumerateArray().ShouldAllBe(e => e.GetProperty("actor1").GetString() == "Unknown");
        }

        var attributed = await CliRun.Of("attribute", "--unclaimed", "--province", "Nangarhar", "--from", "2020-07", "--db", Db, "--json");
        attributed.ExitCode.ShouldBe(0, attributed.Errors);
        using (var json = JsonDocument.Parse(attributed.Data))
        {
            var rows = json.RootElement.EnumerateArray().ToList();
            rows.Count.ShouldBe(3);
            rows.ShouldAllBe(a => a.GetProperty("province").GetString() == "Nangarhar" && string.CompareOrdinal(a.GetProperty("date").GetString(), "2020-07") > 0);
            rows.ShouldAllBe(a => a.GetProperty("summary").GetString()!.Length > 0);
        }

        var export = _folder.File("unclaimed.csv");
        var written = await CliRun.Of("events", "--unclaimed", "--db", Db, "--format", "csv");
        await File.WriteAllTextAsync(export, written.Data, TestContext.Current.CancellationToken);
        var fromExport = await CliRun.Of("attribute", "--file", export, "--db", Db, "--json");
        fromExport.ExitCode.ShouldBe(0, fromExport.Errors);
        using (var json = JsonDocument.Parse(fromExport.Data))
        {
            json.RootElement.GetArrayLength().ShouldBe(20);
            json.RootElement.EnumerateArray().ShouldAllBe(a => a.GetProperty("dataset").GetString() == "gtd");
        }

        var import = await CliRun.Of("import", export, "--db", _folder.File("other.duckdb"));
        import.ExitCode.ShouldBe(3);
        import.Errors.ShouldContain("a CSV Dyad exported, not a dataset's file");
        (await CliRun.Of("attribute", "--province", "Nangarhar", "1", "--db", Db)).ExitCode.ShouldBe(2);
    }

    /// <summary>Two groups in their own provinces and manners, over 2019-2020 (invented, in GTD's layout).</summary>
    /// <param name="unknown">Add ten attacks by "Unknown" in each province, every other month.</param>
    private async Task ImportInventedWorld(bool unknown = false)
    {
        var rows = new List<string>();
        for (var i = 0; unknown && i < 10; i++)
        {
            var day = new DateOnly(2019, 2, 10).AddMonths(i * 2 + 4);
            rows.Add(Row(200000 + i, day.Year, day.Month, day.Day, "Nangarhar", "Jalalabad", 34.43, 70.45, "Unknown", "Bombing/Explosion", "Explosives"));
            rows.Add(Row(300000 + i, day.Year, day.Month, day.Day, "Helmand", "Lashkar Gah", 31.59, 64.37, "Unknown", "Armed Assault", "Firearms"));
        }

        var random = new Random(3);
        for (var i = 0; i < 400; i++)
        {
            var day = new DateOnly(2019, 1, 1).AddDays(i * 730 / 400);
            rows.Add(random.NextDouble() < 0.3
                ? Row(100000 + i, day.Year, day.Month, day.Day, "Nangarhar", "Jalalabad", 34.43 + (random.NextDouble() / 10), 70.45, "Khorasan Chapter of the Islamic State", "Bombing/Explosion", "Explosives")
                : Row(100000 + i, day.Year, day.Month, day.Day, "Helmand", "Lashkar Gah", 31.59 + (random.NextDouble() / 10), 64.37, "Taliban", "Armed Assault", "Firearms"));
        }

        var import = await CliRun.Of("import", _folder.Write("world.csv", Fixtures.Gtd([.. rows])), "--db", Db);
        import.ExitCode.ShouldBe(0, import.Errors);
    }

    private static string Row(long id, int year, int month, int day, string province, string city, double latitude, double longitude, string group, string attack, string weapon) =>
        new StringBuilder().AppendJoin(',', id, year, month, day, 0, "", 4, "Afghanistan", province, city,
            latitude.ToString(CultureInfo.InvariantCulture), longitude.ToString(CultureInfo.InvariantCulture), 1, "", group, "", 0, "", 2, attack, "Police", "", weapon, 1, 0, 0, 0).ToString();
}
