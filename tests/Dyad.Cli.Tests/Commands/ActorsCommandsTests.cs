using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

public sealed class ActorsCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public ActorsCommandsTests() => File.Copy(Registries.ActorsPath, Registry);

    public void Dispose() => _folder.Dispose();

    private string Registry => _folder.File("actors.json");

    private string Db => _folder.File("store.duckdb");

    [Fact]
    public async Task Should_Resolve_A_Name_In_Arabic_Script_As_Json()
    {
        var run = await CliRun.Of("actors", "resolve", "ولاية خراسان", "--registry", Registry, "--json");

        using var json = JsonDocument.Parse(run.Data);
        json.RootElement.GetProperty("method").GetString().ShouldBe("name");
        var actor = json.RootElement.GetProperty("actors").EnumerateArray().ShouldHaveSingleItem();
        actor.GetProperty("id").GetString().ShouldBe("iskp");
        actor.GetProperty("relations")[0].GetProperty("actor_id").GetString().ShouldBe("islamic-state");
    }

    [Fact]
    public async Task Should_Resolve_By_Date()
    {
        var before = await CliRun.Of("actors", "resolve", "Government of Afghanistan", "--dataset", "ucdp", "--date", "2021-08-14", "--registry", Registry, "--json");
        var after = await CliRun.Of("actors", "resolve", "Government of Afghanistan", "--dataset", "ucdp", "--date", "2021-08-15", "--registry", Registry, "--json");

        before.Data.ShouldContain("\"id\":\"afghan-republic\"");
        after.Data.ShouldContain("\"id\":\"taliban\"");
    }

    [Fact]
    public async Task Should_Add_An_Alias_To_The_Registry_File_And_Apply_It_On_Reresolve()
    {
        var file = _folder.Write("gtd.csv", Fixtures.Gtd(Fixtures.GtdRow(1, "Invented Khorasan Cell")));
        (await CliRun.Of("import", file, "--db", Db, "--registry", Registry)).ExitCode.ShouldBe(0);
        (await CliRun.Of("actors", "unresolved", "--db", Db, "--json")).Data.ShouldContain("Invented Khorasan Cell");

        var added = await CliRun.Of("actors", "add-alias", "iskp", "Invented Khorasan Cell", "--registry", Registry);
        var reresolved = await CliRun.Of("actors", "reresolve", "--db", Db, "--registry", Registry, "--json");
        var events = await CliRun.Of("events", "--db", Db, "--actor", "IS-K", "--registry", Registry, "--format", "json");

        added.ExitCode.ShouldBe(0, added.Errors);
        File.ReadAllText(Registry).ShouldContain("\"Invented Khorasan Cell\"");
        reresolved.ExitCode.ShouldBe(0, reresolved.Errors);
        using var json = JsonDocument.Parse(events.Data);
        json.RootElement.EnumerateArray().ShouldHaveSingleItem().GetProperty("actor1_ids")[0].GetString().ShouldBe("iskp");
        (await CliRun.Of("actors", "unresolved", "--db", Db, "--json")).Data.ShouldNotContain("Invented Khorasan Cell");
    }

    [Fact]
    public async Task Should_Refuse_An_Alias_That_Already_Means_Another_Actor()
    {
        var run = await CliRun.Of("actors", "add-alias", "taliban", "ISKP", "--registry", Registry);

        run.ExitCode.ShouldNotBe(0);
        run.Errors.ShouldContain("already resolves to iskp");
        File.ReadAllText(Registry).ShouldBe(File.ReadAllText(Registries.ActorsPath));
    }

    [Fact]
    public async Task Should_Keep_The_Files_Layout_And_Comments_When_Adding_An_Alias()
    {
        const string layout = """
            {
              // The team's registry: kept as written.
              "actors": [
                {"id": "iskp", "name": "Islamic State Khorasan Province", "kind": "armed-group",
                 "names": ["ISKP",   "IS-K"]},  /* aligned by hand */
                {"id": "taliban", "name": "Afghan Taliban", "kind": "armed-group", "names": ["Taliban"]}
              ]
            }
            """;
        File.WriteAllText(Registry, layout);

        var run = await CliRun.Of("actors", "add-alias", "iskp", "Wilayat Khurasan al-Islamiyya", "--registry", Registry);

        run.ExitCode.ShouldBe(0, run.Errors);
        File.ReadAllText(Registry).ShouldBe(layout.Replace("""["ISKP",   "IS-K"]""", """["ISKP",   "IS-K", "Wilayat Khurasan al-Islamiyya"]""", StringComparison.Ordinal));
        Directory.GetFiles(_folder.Path).ShouldNotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_List_The_Actors()
    {
        var run = await CliRun.Of("actors", "list", "--registry", Registry);

        run.Console.ShouldContain("haqqani-network");
        run.Console.ShouldContain("part-of taliban");
    }
}
