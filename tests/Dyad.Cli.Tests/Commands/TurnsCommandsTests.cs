using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>turns and defections as a user runs them, on a copy of the registry so that the repository's stays as it is.</summary>
public sealed class TurnsCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public TurnsCommandsTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data", "registry"), "*.json"))
        {
            File.Copy(file, _folder.File(Path.GetFileName(file)));
        }
    }

    public void Dispose() => _folder.Dispose();

    private string Registry => _folder.File("actors.json");

    [Fact]
    public async Task Should_Round_Trip_A_Defection_With_Its_Source_And_Leave_The_Rest_As_It_Was()
    {
        var before = JsonDocument.Parse(File.ReadAllText(_folder.File("turns.json"))).RootElement.GetProperty("turns").GetArrayLength();
        var add = await CliRun.Of("turns", "add", "--kind", "defection", "--name", "Invented commanders join IS-K", "--date", "2015-01-10",
            "--from-group", "Tehrik-i-Taliban Pakistan", "--to-group", "ISKP", "--people", "6", "--place", "Orakzai", "--source", "An invented citation, for a test", "--registry", Registry);
        add.ExitCode.ShouldBe(0, add.Errors);

        var defections = await CliRun.Of("defections", "--from", "2015", "--to", "2015", "--json", "--registry", Registry);
        using var json = JsonDocument.Parse(defections.Data);
        var d = json.RootElement.EnumerateArray().Single();
        d.GetProperty("from").GetString().ShouldBe("ttp");
        d.GetProperty("to").GetString().ShouldBe("iskp");
        d.GetProperty("people").GetInt32().ShouldBe(6);
        d.GetProperty("place").GetString().ShouldBe("Orakzai");
        d.GetProperty("source").GetString().ShouldBe("An invented citation, for a test");
        d.GetProperty("groups").EnumerateArray().Select(g => g.GetString()).ShouldBe(["ttp", "iskp"]);
        JsonDocument.Parse(File.ReadAllText(_folder.File("turns.json"))).RootElement.GetProperty("turns").GetArrayLength().ShouldBe(before + 1);
        (await CliRun.Of("defections", "--from", "2016", "--json", "--registry", Registry)).Data.Trim().ShouldBe("[]");

        var again = await CliRun.Of("turns", "add", "--kind", "defection", "--name", "Invented commanders join IS-K", "--date", "2015-01-10",
            "--from-group", "TTP", "--to-group", "IS-K", "--source", "again", "--registry", Registry);
        again.ExitCode.ShouldNotBe(0);
        again.Errors.ShouldContain("is already on record");
        (await CliRun.Of("turns", "add", "--kind", "defection", "--name", "no sides", "--date", "2015-01-10", "--source", "s", "--registry", Registry))
            .Errors.ShouldContain("who moved from whom to whom");
        (await CliRun.Of("turns", "add", "--kind", "coup", "--name", "x", "--date", "2015-01-10", "--source", "s", "--registry", Registry))
            .Errors.ShouldContain("is not a kind of turning event");
        (await CliRun.Of("turns", "add", "--kind", "pledge", "--name", "x", "--date", "2015-01-10", "--group", "Nobody Known", "--source", "s", "--registry", Registry))
            .Errors.ShouldContain("'Nobody Known' is not an actor the registry knows");
        File.ReadAllText(_folder.File("leaders.json")).ShouldBe(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "data", "registry", "leaders.json")));
    }

    [Fact]
    public async Task Should_Keep_Every_Entry_When_Analysts_Add_At_Once()
    {
        var runs = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => CliRun.Of("turns", "add", "--kind", "pledge", "--name", $"Invented pledge {i}",
            "--date", "2016-01-0" + i, "--group", "IS-K", "--source", "An invented citation", "--registry", Registry)));

        runs.ShouldAllBe(r => r.ExitCode == 0);
        var names = TurningNames();
        for (var i = 1; i <= 6; i++)
        {
            names.ShouldContain($"Invented pledge {i}");
        }

        Directory.GetFiles(_folder.Path, "turns.json.*.tmp").ShouldBeEmpty();

        // A file that is not JSON is named, and left as it was.
        File.WriteAllText(_folder.File("turns.json"), "{ not json");
        var broken = await CliRun.Of("turns", "add", "--kind", "pledge", "--name", "x", "--date", "2016-02-01", "--source", "s", "--registry", Registry);
        broken.ExitCode.ShouldBe(3);
        broken.Errors.ShouldContain("turns.json");
        File.ReadAllText(_folder.File("turns.json")).ShouldBe("{ not json");
    }

    private List<string> TurningNames() =>
        [.. JsonDocument.Parse(File.ReadAllText(_folder.File("turns.json"))).RootElement.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("name").GetString()!)];

    [Fact]
    public async Task Should_List_The_Turning_Events_And_Study_One_On_A_Store()
    {
        var list = await CliRun.Of("turns", "list", "--json", "--registry", Registry);
        using var json = JsonDocument.Parse(list.Data);
        var kinds = json.RootElement.EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("leader-killed");
        kinds.ShouldContain("accord");

        var db = _folder.File("store.duckdb");
        await CliRun.ImportUcdpSamples(db);
        var show = await CliRun.Of("turns", "show", "Hafiz Sayed", "--db", db, "--registry", Registry, "--json");
        show.ExitCode.ShouldBe(0, show.Errors);
        using var dossier = JsonDocument.Parse(show.Data);
        var study = dossier.RootElement.GetProperty("studies")[0];
        study.GetProperty("group").GetString().ShouldBe("iskp");
        study.GetProperty("study").GetProperty("estimable").GetBoolean().ShouldBeTrue();
        study.GetProperty("study").GetProperty("placebo_dates").GetInt32().ShouldBeGreaterThan(0);

        // A defection recorded after the accord is counted in the brief's answer to whether accords bring defections.
        (await CliRun.Of("turns", "add", "--kind", "defection", "--name", "Invented fighters join IS-K", "--date", "2020-04-10",
            "--from-group", "Taliban", "--to-group", "IS-K", "--people", "6", "--source", "An invented citation", "--registry", Registry)).ExitCode.ShouldBe(0);
        (await CliRun.Of("report", "IS-K", "Taliban", "--db", db, "--registry", Registry, "--out", _folder.File("brief.md"))).ExitCode.ShouldBe(0);
        File.ReadAllText(_folder.File("brief.md")).ShouldContain(
            "Defections to Islamic State Khorasan Province in the 6 months before the US–Taliban agreement (Doha) and after it: 0 and 1 on record (no people and 6 people).");

        var table = await CliRun.Of("turns", "show", "Doha", "--db", db, "--registry", Registry);
        table.Console.ShouldContain("US–Taliban agreement (Doha)");
        (await CliRun.Of("turns", "show", "killed", "--db", db, "--registry", Registry)).Errors.ShouldContain("names 3 turning events");
    }

    [Fact]
    public async Task Should_List_The_Events_That_May_Report_A_Turning_Event()
    {
        var db = _folder.File("acled.duckdb");
        var file = _folder.Write("acled.csv", Fixtures.Acled(
            "AFG1,2019-07-24,2019,1,Strategic developments,Change to group/activity,Taliban,,Police Forces of Afghanistan (2014-2021),,Afghanistan,Badghis,Bala Murghab,Bala Murghab,35.58,63.33,1,Invented,\"An invented report: 60 policemen defected to the Taliban, bringing weapons.\",0",
            "AFG2,2019-07-25,2019,1,Battles,Armed clash,Taliban,,Police Forces of Afghanistan (2014-2021),,Afghanistan,Badghis,Bala Murghab,Bala Murghab,35.58,63.33,1,Invented,An invented clash.,2"));
        (await CliRun.Of("import", file, "--db", db)).ExitCode.ShouldBe(0);

        var run = await CliRun.Of("turns", "candidates", "--actor", "Taliban", "--from", "2019", "--db", db, "--json", "--registry", Registry);
        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        var candidate = json.RootElement.EnumerateArray().Single();
        candidate.GetProperty("dataset_id").GetString().ShouldBe("AFG1");
        candidate.GetProperty("suggested_kind").GetString().ShouldBe("defection");
        candidate.GetProperty("evidence").GetString()!.ShouldContain("60 policemen defected to the Taliban");
    }
}
