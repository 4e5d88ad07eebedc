using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    [Fact]
    public async Task Should_Print_One_Json_Object_With_Each_Files_Counts()
    {
        var file = _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(1), Fixtures.GtdRow(2), "3,2020,5,32,0,,4,Afghanistan,,,,,,,A,,0,,,,,,,1,,,"));

        var run = await CliRun.Of("import", file, "--db", Db, "--json");

        run.ExitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(run.Data);
        var only = json.RootElement.GetProperty("files").EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("file").GetString().ShouldBe(file);
        only.GetProperty("format").GetString().ShouldBe("gtd");
        only.GetProperty("read").GetInt64().ShouldBe(3);
        only.GetProperty("imported").GetInt64().ShouldBe(2);
        only.GetProperty("duplicates").GetInt64().ShouldBe(0);
        only.GetProperty("rejected").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Should_Say_That_The_Counts_Reconcile()
    {
        var file = _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(1), Fixtures.GtdRow(1)));

        var run = await CliRun.Of("import", file, "--db", Db);

        run.ExitCode.ShouldBe(0);
        run.Console.ShouldContain("read 2 = imported 1 + revised 0 + duplicates 1 + rejected 0");
    }

    [Fact]
    public async Task Should_Exit_3_Naming_The_File_Without_A_Stack_Trace_And_Still_Import_The_Others()
    {
        var bad = _folder.Write("notes.csv", "what,when\nsomething,yesterday\n");
        var good = _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(1)));

        var run = await CliRun.Of("import", bad, good, "--db", Db, "--json");

        run.ExitCode.ShouldBe(3);
        run.Errors.ShouldContain("notes.csv");
        run.Errors.ShouldNotContain("   at ");
        using var json = JsonDocument.Parse(run.Data);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        files[0].GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("header");
        files[1].GetProperty("imported").GetInt64().ShouldBe(1);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "x.csv", "--format", "excel")]
    [InlineData("import", "x.csv", "--no-such-option")]
    [InlineData("no-such-command")]
    public async Task Should_Exit_2_On_Bad_Usage(params string[] args)
    {
        var run = await CliRun.Of(args);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldNotBeEmpty();
        run.Errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Should_Import_Every_Real_File_With_Counts_That_Reconcile()
    {
        var data = Path.GetDirectoryName(SharedData.File("README.md"))!;
        var files = new[] { "gtd", "acled", "ucdp" }.SelectMany(d => Directory.GetFiles(Path.Combine(data, d))).Order(StringComparer.Ordinal).ToArray();

        var run = await CliRun.Of(["import", .. files, "--db", Db, "--json"]);

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        var reports = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        reports.Count.ShouldBe(files.Length);
        foreach (var report in reports)
        {
            var read = report.GetProperty("read").GetInt64();
            read.ShouldBeGreaterThan(0);
            (report.GetProperty("imported").GetInt64() + report.GetProperty("revised").GetInt64() + report.GetProperty("duplicates").GetInt64()
                + report.GetProperty("rejected").GetInt64()).ShouldBe(read, report.GetProperty("file").GetString());
        }

        // The GTD .xlsx and its CSV export hold the same events: whichever comes second adds none.
        reports.Where(r => r.GetProperty("file").GetString()!.Contains("1222dist")).Sum(r => r.GetProperty("duplicates").GetInt64()).ShouldBe(4960);

        await The_rivalry_of_every_pairing_gives_no_one_the_open_events_and_its_json_holds_what_the_text_says();
    }

    /// <summary>
    /// On the store of every real file: the events a dataset leaves open between a side and another group (the "and/or"
    /// rows, GTD's suspected pairs) are no one's in any pairing — between the two sides either side's, else "possibly"
    /// the side's, the same events whichever group the side is set against — and the JSON parses and holds what the text says.
    /// </summary>
    private async Task The_rivalry_of_every_pairing_gives_no_one_the_open_events_and_its_json_holds_what_the_text_says()
    {
        var open = new Dictionary<(string Side, string Against), string>();
        foreach (var (a, b) in new[] { ("IS-K", "Taliban"), ("IS-K", "TTP"), ("Taliban", "TTP") })
        {
            var json = await CliRun.Of("rivalry", a, b, "--db", Db, "--json");
            json.ExitCode.ShouldBe(0, json.Errors);
            using var document = JsonDocument.Parse(json.Data);
            var root = document.RootElement;
            var perDataset = root.GetProperty("per_dataset").EnumerateArray().ToList();
            string Open(string possibly) => string.Join(", ", perDataset.Select(d =>
                $"{d.GetProperty("dataset").GetString()} {d.GetProperty("events_either").GetInt64() + d.GetProperty(possibly).GetInt64()}"));
            (open[(a, b)], open[(b, a)]) = (Open("possibly_a"), Open("possibly_b"));

            var text = await CliRun.Of("rivalry", a, b, "--db", Db);
            text.ExitCode.ShouldBe(0, text.Errors);
            var console = string.Join(" ", text.Console.Split('\n').Select(l => l.Trim()));
            console.ShouldContain($"{root.GetProperty("a").GetProperty("name").GetString()} {root.GetProperty("summary_a").GetProperty("events").GetInt64():N0} attacks");
            console.ShouldContain($"{root.GetProperty("b").GetProperty("name").GetString()} {root.GetProperty("summary_b").GetProperty("events").GetInt64():N0} attacks");
            foreach (var wrong in new[] { "NaN", "Infinity", "∞" })
            {
                console.Contains(wrong, StringComparison.Ordinal).ShouldBeFalse($"'{wrong}' reaches a reader");
            }
        }

        open[("IS-K", "Taliban")].ShouldContain("acled 499", Case.Sensitive, "ACLED's 499 'Taliban and/or Islamic State' rows");
        open[("IS-K", "Taliban")].ShouldBe(open[("IS-K", "TTP")], "the events left open with IS-K are the same whichever group it is set against");
        open[("Taliban", "IS-K")].ShouldBe(open[("Taliban", "TTP")], "and those left open with the Taliban");
    }
}
