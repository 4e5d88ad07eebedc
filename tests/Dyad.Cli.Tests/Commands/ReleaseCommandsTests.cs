using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>import --release, history and events --as-of, as a user runs them on two releases of a dataset.</summary>
public sealed class ReleaseCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    [Fact]
    public async Task Should_Revise_Withdraw_And_Keep_Every_Earlier_Release_Readable()
    {
        var older = _folder.Write("gtd-a.csv", Fixtures.Gtd(Fixtures.GtdRow(1), Fixtures.GtdRow(2), Fixtures.GtdRow(3)));
        var newer = _folder.Write("gtd-b.csv", Fixtures.Gtd(Fixtures.GtdRow(1), Fixtures.GtdRow(2, "Taliban"), Fixtures.GtdRow(4)));
        (await CliRun.Of("import", older, "--db", Db, "--release", "2020a")).ExitCode.ShouldBe(0);

        var import = await CliRun.Of("import", newer, "--db", Db, "--release", "2020b", "--json");
        var history = await CliRun.Of("history", "gtd:2", "--db", Db, "--json");
        var asOf = await CliRun.Of("events", "--db", Db, "--as-of", "2020a", "--format", "csv");
        var now = await CliRun.Of("events", "--db", Db, "--format", "csv");

        using (var json = JsonDocument.Parse(import.Data))
        {
            var report = json.RootElement.GetProperty("files")[0];
            (report.GetProperty("imported").GetInt64(), report.GetProperty("revised").GetInt64(), report.GetProperty("duplicates").GetInt64(), report.GetProperty("withdrawn").GetInt64())
                .ShouldBe((1, 1, 1, 1));
        }

        history.ExitCode.ShouldBe(0, history.Errors);
        using (var json = JsonDocument.Parse(history.Data))
        {
            var versions = json.RootElement.GetProperty("versions").EnumerateArray().ToList();
            versions.Select(v => v.GetProperty("change").GetString()).ShouldBe(["revised", "current"]);
            versions[1].GetProperty("changed").EnumerateArray().Select(c => c.GetString()).ShouldContain("actor1");
        }

        asOf.Data.ShouldContain(",Invented Group A,");
        asOf.Data.TrimEnd().Split('\n').Length.ShouldBe(4, "release 2020a had events 1, 2 and 3");
        now.Data.TrimEnd().Split('\n').Length.ShouldBe(4, "events 1, 2 (revised) and 4; 3 is withdrawn");
        (await CliRun.Of("history", "gtd:3", "--db", Db)).Console.ShouldContain("withdrawn by import 2");
    }

    [Fact]
    public async Task Should_Carry_Every_Version_Through_An_Export_To_Another_Store()
    {
        (await CliRun.Of("import", _folder.Write("gtd-a.csv", Fixtures.Gtd(Fixtures.GtdRow(1), Fixtures.GtdRow(2), Fixtures.GtdRow(3))), "--db", Db, "--release", "2020a")).ExitCode.ShouldBe(0);
        (await CliRun.Of("import", _folder.Write("gtd-b.csv", Fixtures.Gtd(Fixtures.GtdRow(1), Fixtures.GtdRow(2, "Taliban"))), "--db", Db, "--release", "2020b")).ExitCode.ShouldBe(0);
        var folder = _folder.File("export");
        var other = _folder.File("other.duckdb");

        (await CliRun.Of("export", "--db", Db, "--out", folder)).ExitCode.ShouldBe(0);
        (await CliRun.Of("import", folder, "--db", other)).ExitCode.ShouldBe(0);

        var history = await CliRun.Of("history", "gtd:2", "--db", other, "--json");
        history.Data.ShouldContain("\"change\":\"revised\"");
        (await CliRun.Of("history", "gtd:3", "--db", other)).Console.ShouldContain("withdrawn");
        (await CliRun.Of("events", "--db", other, "--as-of", "2020a", "--format", "csv")).Data.TrimEnd().Split('\n').Length.ShouldBe(4);
    }

    [Fact]
    public async Task Should_Refuse_A_File_Said_To_Be_Both_A_Whole_Release_And_An_Extract()
    {
        var run = await CliRun.Of("import", _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(1))), "--db", Db, "--release", "2020a", "--extract", "events in Kabul");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("say one or the other");
        File.Exists(Db).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_Say_When_No_Import_Has_The_Release_Asked_For()
    {
        (await CliRun.Of("import", _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(1))), "--db", Db)).ExitCode.ShouldBe(0);

        var run = await CliRun.Of("events", "--db", Db, "--as-of", "19.1");

        run.ExitCode.ShouldNotBe(0);
        run.Errors.ShouldContain("--as-of 19.1");
    }
}
