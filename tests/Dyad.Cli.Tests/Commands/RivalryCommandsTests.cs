using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>rivalry and report as a user runs them, on the UCDP samples that ship with Dyad.</summary>
public sealed class RivalryCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    [Fact]
    public async Task Should_Measure_The_Rivalry_And_Write_Its_Charts()
    {
        await ImportSamples();
        var run = await CliRun.Of("rivalry", "IS-K", "Taleban", "--db", Db, "--by", "year", "--out", _folder.File("charts"));

        run.ExitCode.ShouldBe(0, run.Errors);
        run.Console.ShouldContain("incidents with Islamic State Khorasan Province and Afghan Taliban on opposite sides");
        run.Console.ShouldContain("Hafiz Sayed Khan (2016-07-26)");
        foreach (var file in new[] { "timeline.png", "timeline.svg", "map.png", "map.svg", "rivalry.json" })
        {
            File.Exists(_folder.File(Path.Combine("charts", file))).ShouldBeTrue(file);
        }

        var json = await CliRun.Of("rivalry", "iskp", "taliban", "--db", Db, "--json");
        using var document = JsonDocument.Parse(json.Data);
        document.RootElement.GetProperty("dyad").GetProperty("events").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Should_Write_The_Brief_As_Markdown_And_Html_And_Refuse_Unknown_Sides()
    {
        await ImportSamples();
        var md = await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--out", _folder.File("brief.md"));
        md.ExitCode.ShouldBe(0, md.Errors);
        var brief = File.ReadAllText(_folder.File("brief.md"));
        brief.ShouldContain("](brief_charts/map.png)");
        // What changed after each turning event on record (leaders.json and turns.json), against its own past and at placebo dates.
        brief.ShouldContain("## What changed after");
        brief.ShouldContain("| US–Taliban agreement (Doha), 29 Feb 2020[^t1] |");
        brief.ShouldContain("[^t1]: Agreement for Bringing Peace to Afghanistan");
        brief.ShouldContain("the struck group's incidents after a loss were");
        brief.ShouldContain("a change this large came at");
        brief.ShouldContain("](brief_charts/after.png)");
        new FileInfo(_folder.File("brief_charts/after.png")).Length.ShouldBeGreaterThan(10_000);
        brief.ShouldContain("Did an accord bring defections to Islamic State Khorasan Province or Afghan Taliban? No defection to or from either is on record");
        File.Exists(_folder.File("brief_charts/map.png")).ShouldBeTrue();

        var html = await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--out", _folder.File("brief.html"));
        html.ExitCode.ShouldBe(0, html.Errors);
        File.ReadAllText(_folder.File("brief.html")).ShouldContain("data:image/png;base64,");

        (await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--out", _folder.File("brief.docx"))).ExitCode.ShouldBe(2);
        var notAFolder = _folder.Write("file.txt", "a file, not a folder");
        var unwritable = await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--out", Path.Combine(notAFolder, "brief.html"));
        unwritable.ExitCode.ShouldBe(3);
        unwritable.Errors.ShouldNotContain("bug");
        var unknown = await CliRun.Of("rivalry", "Nobody Known", "Taliban", "--db", Db);
        unknown.ExitCode.ShouldBe(2);
        unknown.Errors.ShouldContain("'Nobody Known' is not an actor the registry knows");
    }

    [Fact]
    public async Task Should_Give_The_Brief_As_Data_With_The_Same_Figures_As_The_Rivalry()
    {
        await ImportSamples();
        var rivalry = await CliRun.Of("rivalry", "IS-K", "Taliban", "--db", Db, "--json");
        var printed = await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--format", "json");
        printed.ExitCode.ShouldBe(0, printed.Errors);
        using var brief = JsonDocument.Parse(printed.Data);
        using var measures = JsonDocument.Parse(rivalry.Data);
        var root = brief.RootElement;
        root.GetProperty("command").GetString().ShouldBe("dyad report IS-K Taliban --db " + Db + " --format json");
        root.GetProperty("title").GetString().ShouldBe("Islamic State Khorasan Province and Afghan Taliban: what the data say");
        // The figures are the rivalry's own, field for field.
        foreach (var field in new[] { "dyad", "summary_a", "roles_a", "roles_b", "either", "timeline", "coverage", "after_turns" })
        {
            root.GetProperty("rivalry").GetProperty(field).GetRawText().ShouldBe(measures.RootElement.GetProperty(field).GetRawText(), field);
        }

        root.GetProperty("data").EnumerateArray().ShouldAllBe(c => c.GetString()!.Contains("Uppsala Conflict Data Program"));
        var watch = root.GetProperty("watch");
        watch.GetProperty("backtest").GetString().ShouldStartWith("dyad forecast --backtest");
        (watch.TryGetProperty("forecast", out _) || watch.TryGetProperty("reason", out _)).ShouldBeTrue();
        root.GetProperty("markdown").GetString()!.ShouldContain("## What changed after");
        root.GetProperty("markdown").GetString()!.ShouldNotContain(".png");

        var written = await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--out", _folder.File("brief.json"));
        written.ExitCode.ShouldBe(0, written.Errors);
        using var file = JsonDocument.Parse(File.ReadAllText(_folder.File("brief.json")));
        file.RootElement.GetProperty("rivalry").GetProperty("dyad").GetRawText().ShouldBe(measures.RootElement.GetProperty("dyad").GetRawText());

        (await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--format", "pdf")).Errors.ShouldContain("give --out FILE.pdf");
        (await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--format", "json", "--out", _folder.File("brief.html"))).ExitCode.ShouldBe(2);
    }

    private Task ImportSamples() => CliRun.ImportUcdpSamples(Db);
}
