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

    /// <summary>Two groups in their own provinces and manners, over 2019-2020 (invented, in GTD's layout).</summary>
    private async Task ImportInventedWorld()
    {
        var rows = new List<string>();
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
