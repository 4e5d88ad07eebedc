using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>forecast as a user runs it, on the UCDP samples that ship with Dyad.</summary>
public sealed class ForecastCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    [Fact]
    public async Task Should_Forecast_The_Coming_Months_Per_District()
    {
        await ImportSamples();
        var run = await CliRun.Of("forecast", "--actor", "IS-K", "--country", "Afghanistan", "--for", "2", "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        var root = json.RootElement;
        var last = DateOnly.Parse(root.GetProperty("data_to").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        root.GetProperty("expected").EnumerateArray().Select(m => m.GetProperty("month").GetString()).ShouldBe(
            [last.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), last.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        var units = root.GetProperty("units").EnumerateArray().ToList();
        units.Count.ShouldBeGreaterThan(10);
        var chances = units.Select(u => u.GetProperty("months")[0].GetProperty("probability").GetDouble()).ToList();
        chances.ShouldBe([.. chances.OrderDescending()], "likeliest first");
        units[0].GetProperty("unit").GetProperty("key").GetString()!.ShouldStartWith("af/");

        var table = await CliRun.Of("forecast", "--actor", "IS-K", "--country", "Afghanistan", "--top", "3", "--db", Db);
        table.ExitCode.ShouldBe(0, table.Errors);
        table.Console.ShouldContain("Chance of at least one event");
        table.Console.ShouldContain("more units with lower chances");
    }

    [Fact]
    public async Task Should_Backtest_Month_By_Month_Beside_The_Baselines()
    {
        await ImportSamples();
        var run = await CliRun.Of("forecast", "--backtest", "--from", "2018-01", "--to", "2018-12", "--actor", "IS-K", "--country", "Afghanistan", "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        var root = json.RootElement;
        root.GetProperty("unit_months").GetInt32().ShouldBe(root.GetProperty("units").GetInt32() * 12);
        var all = root.GetProperty("subsets")[0];
        all.GetProperty("name").GetString().ShouldBe("every unit");
        foreach (var forecast in new[] { "model", "persistence", "unit_rate" })
        {
            all.GetProperty(forecast).GetProperty("brier").GetDouble().ShouldBeInRange(0, 1);
        }

        var table = await CliRun.Of("forecast", "--backtest", "--from", "2018-01", "--to", "2018-06", "--actor", "IS-K", "--country", "Afghanistan", "--db", Db);
        table.Console.ShouldContain("persistence");
        table.Console.ShouldContain("the unit's own rate");
    }

    [Fact]
    public async Task Should_Refuse_A_Clash_Without_Two_Sides_And_Options_Out_Of_Place()
    {
        await ImportSamples();
        var clash = await CliRun.Of("forecast", "--what", "clash", "--actor", "IS-K", "--db", Db);
        clash.ExitCode.ShouldBe(2);
        clash.Errors.ShouldContain("a clash is between two sides");

        (await CliRun.Of("forecast", "--from", "2018-01", "--db", Db)).Errors.ShouldContain("--from and --to belong to --backtest");
        (await CliRun.Of("forecast", "--what", "battles", "--db", Db)).Errors.ShouldContain("--what must be events, clash or mass-casualty");
        (await CliRun.Of("forecast", "--backtest", "--from", "1990-01", "--actor", "IS-K", "--db", Db)).Errors.ShouldContain("only teach");
    }

    [Fact]
    public async Task Should_Put_What_To_Watch_Next_In_The_Brief_With_Its_Map()
    {
        await ImportSamples();
        var brief = _folder.File("ttp.md");
        var run = await CliRun.Of("report", "TTP", "Government of Pakistan", "--country", "Pakistan", "--db", Db, "--out", brief);

        run.ExitCode.ShouldBe(0, run.Errors);
        var markdown = File.ReadAllText(brief);
        markdown.ShouldContain("## What to watch next");
        markdown.ShouldContain("![The chance of a clash per district");
        markdown.ShouldContain("`dyad forecast --backtest --from YYYY-MM --what clash --actor TTP --against \"Government of Pakistan\" --country Pakistan`");
        markdown.ShouldContain("| District | Province |");
        new FileInfo(_folder.File("ttp_charts/watch.png")).Length.ShouldBeGreaterThan(10_000);

        // The samples' last IS-K–Taliban clash is years before their data end: nothing to map, and the brief says why.
        var quiet = _folder.File("iskp.md");
        (await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--out", quiet)).ExitCode.ShouldBe(0);
        File.ReadAllText(quiet).ShouldContain("No district's chance reaches 1%: the last clash on record was in");
        File.Exists(_folder.File("iskp_charts/watch.png")).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_Rank_Only_The_Units_Of_The_Countries_Where_The_Actors_Are()
    {
        await ImportSamples();
        // Events elsewhere in the same store, by other groups: their places are no candidates for IS-K's next events.
        var elsewhere = _folder.Write("elsewhere.csv", Fixtures.Acled([.. Enumerable.Range(1, 24).Select(i =>
            $"ARG{i},2018-{((i - 1) % 12) + 1:00}-10,2018,1,Protests,Peaceful protest,Protesters (Argentina),,,,Argentina,Buenos Aires,La Plata,La Plata,-34.92,-57.95,1,Invented,An invented protest.,0")]));
        (await CliRun.Of("import", elsewhere, "--db", Db)).ExitCode.ShouldBe(0);

        var run = await CliRun.Of("forecast", "--actor", "IS-K", "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        var keys = json.RootElement.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetProperty("key").GetString()!).ToList();
        keys.ShouldNotBeEmpty();
        keys.ShouldContain(k => k.StartsWith("af/"));
        keys.ShouldNotContain(k => k.Contains("argentina") || k.Contains("la plata") || k.StartsWith("ar/"));
    }

    [Fact]
    public async Task Should_Say_Where_The_Sources_End_Before_The_Data_Do()
    {
        await ImportSamples();
        // IS-K in Pakistan for two years after the Afghan samples end: Afghanistan's months since are unseen, not calm.
        var later = _folder.Write("later.csv", Fixtures.Acled([.. Enumerable.Range(1, 24).Select(i =>
            $"PAK{i},{2024 + ((i - 1) / 12)}-{((i - 1) % 12) + 1:00}-10,{2024 + ((i - 1) / 12)},1,Explosions/Remote violence,Remote explosive/landmine/IED,Islamic State (Pakistan),,Civilians (Pakistan),,Pakistan,Khyber Pakhtunkhwa,Bajaur,Khar,34.72,71.52,1,Invented,An invented bombing.,1")]));
        (await CliRun.Of("import", later, "--db", Db)).ExitCode.ShouldBe(0);

        var run = await CliRun.Of("forecast", "--actor", "IS-K", "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        var stale = json.RootElement.GetProperty("stale").EnumerateArray().Select(s => s.GetString()!).ToList();
        stale.ShouldHaveSingleItem().ShouldStartWith("No source in the store covers Afghanistan after ");
        (await CliRun.Of("forecast", "--actor", "IS-K", "--db", Db)).Console.ShouldContain("its months since count as months without events");
    }

    [Fact]
    public async Task Should_Refuse_With_Its_Reason_When_Too_Few_Months_Hold_The_Event()
    {
        var file = _folder.Write("two.csv", Fixtures.Acled(
            "AFG1,2019-05-02,2019,1,Battles,Armed clash,Islamic State (Afghanistan),,Taliban,,Afghanistan,Nangarhar,Achin,Achin,34.13,70.68,1,Invented,An invented clash.,4",
            "AFG2,2019-09-02,2019,1,Battles,Armed clash,Islamic State (Afghanistan),,Taliban,,Afghanistan,Kunar,Asadabad,Asadabad,34.87,71.15,1,Invented,An invented clash.,2"));
        (await CliRun.Of("import", file, "--db", Db)).ExitCode.ShouldBe(0);

        var run = await CliRun.Of("forecast", "--backtest", "--from", "2019-08", "--what", "clash", "--actor", "IS-K", "--against", "Taliban", "--db", Db);

        run.ExitCode.ShouldBe(3, run.Errors);
        run.Errors.ShouldContain("the backtest needs months to learn from before 2019-08 and months to test from it");
        run.Errors.ShouldNotContain("bug");
    }

    private Task ImportSamples() => CliRun.ImportUcdpSamples(Db);
}
