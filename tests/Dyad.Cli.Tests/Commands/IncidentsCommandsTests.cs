using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>
/// dyad incidents on invented GTD and ACLED files that report the same two attacks in Balochistan, and the analyst's
/// decisions, which outlive re-links and re-imports.
/// </summary>
public sealed class IncidentsCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _gtd;
    private readonly string _acled;

    public IncidentsCommandsTests()
    {
        const string gtdRest = "0,,153,Pakistan,Balochistan";
        _gtd = _folder.Write("gtd.csv", Fixtures.Gtd(
            $"202101100001,2021,1,10,{gtdRest},Turbat,26.0,63.05,1,\"An invented bombing.\",Unknown,,0,,3,Bombing/Explosion,Police,Police,Explosives,0,0,4,0",
            $"202105310001,2021,5,31,{gtdRest},Pir Ismail Ziarat,30.3,67.2,2,\"An invented raid.\",Unknown,,0,,2,Armed Assault,Police,Police,Firearms,9,0,14,0",
            $"202103010001,2021,3,1,{gtdRest},Quetta,30.19,67.01,1,\"An invented assassination.\",Unknown,,0,,1,Assassination,Government (General),Official,Firearms,1,0,0,0"));
        _acled = _folder.Write("acled.csv", Fixtures.Acled(
            "PAK1,2021-01-10,2021,1,Explosions/Remote violence,Remote explosive/landmine/IED,BLA: Baloch Liberation Army,,Police Forces of Pakistan (2018-2022),,Pakistan,Balochistan,Kech,Turbat,26.003,63.052,1,Invented,An invented report.,0",
            "PAK2,2021-05-31,2021,1,Battles,Armed clash,Baloch Separatists (Pakistan),,Police Forces of Pakistan (2018-2022),,Pakistan,Balochistan,Quetta,Quetta,30.19,67.01,2,Invented,An invented report.,9",
            "PAK3,2021-01-10,2021,1,Battles,Armed clash,BLF: Baloch Liberation Front,,Military Forces of Pakistan (2018-2022),,Pakistan,Balochistan,Kech,Turbat,26.003,63.052,1,Invented,Another fight that day.,3"));
        CliRun.Of("import", _gtd, _acled, "--db", Db).GetAwaiter().GetResult().ExitCode.ShouldBe(0);
    }

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    private static async Task<List<string[]>> IncidentMembers(string db)
    {
        var run = await CliRun.Of("incidents", "--db", db, "--json");
        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        return [.. json.RootElement.GetProperty("incidents").EnumerateArray()
            .Select(i => i.GetProperty("events").EnumerateArray().Select(e => $"{e.GetProperty("dataset").GetString()}:{e.GetProperty("dataset_id").GetString()}").Order().ToArray())];
    }

    [Fact]
    public async Task An_import_links_the_reports_of_one_attack_and_only_those()
    {
        var incidents = await IncidentMembers(Db);

        incidents.Count.ShouldBe(2);
        incidents[0].ShouldBe(["acled:PAK1", "gtd:202101100001"]);
        incidents[1].ShouldBe(["acled:PAK2", "gtd:202105310001"]);
    }

    [Fact]
    public async Task The_list_says_why_and_names_the_group_an_unknown_attack_is_linked_to()
    {
        var run = await CliRun.Of("incidents", "list", "--db", Db, "--from", "2021-01-01", "--to", "2021-01-31");

        run.ExitCode.ShouldBe(0, run.Errors);
        run.Console.ShouldContain("same day (2021-01-10)");
        run.Console.ShouldContain("GTD names no perpetrator (Unknown); ACLED names BLA: Baloch Liberation Army");
        run.Console.ShouldNotContain("2021-05-31");
    }

    [Fact]
    public async Task Compare_says_point_by_point_why_two_events_are_or_are_not_one_incident()
    {
        var linked = await CliRun.Of("incidents", "compare", "gtd:202101100001", "acled:PAK1", "--db", Db);
        linked.ExitCode.ShouldBe(0, linked.Errors);
        linked.Console.ShouldContain("same day (2021-01-10)");
        linked.Console.ShouldContain("4.5 needed: the scores link them; one incident in the store now.");

        var json = await CliRun.Of("incidents", "compare", "gtd:202101100001", "acled:PAK3", "--db", Db, "--json");
        using var other = JsonDocument.Parse(json.Data);
        other.RootElement.GetProperty("accepted").GetBoolean().ShouldBeFalse();
        other.RootElement.GetProperty("same_incident").GetBoolean().ShouldBeFalse();
        other.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("0 and 3 killed");

        var apart = await CliRun.Of("incidents", "compare", "gtd:202101100001", "gtd:202105310001", "--db", Db);
        apart.Console.ShouldContain("141 days apart: reports of one incident are a day apart at most");
        (await CliRun.Of("incidents", "compare", "gtd:202101100001", "acled:NOPE", "--db", Db)).Errors.ShouldContain("No event 'acled:NOPE'");
    }

    [Fact]
    public async Task A_split_and_a_confirm_outlive_a_relink_and_a_reimport()
    {
        (await CliRun.Of("incidents", "split", "gtd:202101100001", "acled:PAK1", "--db", Db)).ExitCode.ShouldBe(0);
        var confirm = await CliRun.Of("incidents", "confirm", "gtd:202101100001", "acled:PAK3", "--db", Db, "--note", "Same attack: the raid was repelled.");
        confirm.ExitCode.ShouldBe(0, confirm.Errors);
        confirm.Console.ShouldContain("confirmed by");

        (await CliRun.Of("incidents", "link", "--db", Db)).ExitCode.ShouldBe(0);
        (await CliRun.Of("import", _gtd, _acled, "--db", Db)).ExitCode.ShouldBe(0);

        var incidents = await IncidentMembers(Db);
        incidents.ShouldContain(i => i.SequenceEqual(new[] { "acled:PAK3", "gtd:202101100001" }));
        incidents.ShouldNotContain(i => i.Contains("acled:PAK1"));
    }

    [Fact]
    public async Task Splitting_one_event_takes_it_out_of_its_incident()
    {
        var run = await CliRun.Of("incidents", "split", "acled:PAK2", "--db", Db);

        run.ExitCode.ShouldBe(0, run.Errors);
        (await IncidentMembers(Db)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_event_that_is_not_there_is_named_in_the_error()
    {
        var run = await CliRun.Of("incidents", "confirm", "gtd:999", "acled:PAK1", "--db", Db);

        run.ExitCode.ShouldNotBe(0);
        run.Errors.ShouldContain("No event 'gtd:999'");
    }

    [Fact]
    public async Task Attribution_sees_the_group_another_dataset_names_and_takes_a_claim_as_the_label()
    {
        (await CliRun.Of("sources", "add", "--db", Db, "--code", "BLA-2021-06-01", "--type", "official-statement", "--publisher", "BLA spokesman")).ExitCode.ShouldBe(0);
        var claim = await CliRun.Of("claims", "add", "--db", Db, "--source", "BLA-2021-06-01", "--date", "2021-06-01",
            "--text", "The Baloch Liberation Army claimed the attack in Quetta that killed 9 policemen.");
        claim.ExitCode.ShouldBe(0, claim.Errors);

        var registries = Dyad.App.RegistryFiles.Load(null);
        using var store = Dyad.Store.DuckDb.DuckDbEventStore.Open(Db);
        var attacks = new Dyad.App.Attribution.AttackSources(registries).FromStore(store).ToDictionary(a => a.Event.DatasetId);

        var turbat = attacks["202101100001"];
        turbat.Status.ShouldBe(Dyad.Attribution.Attacks.PerpetratorStatus.Unknown);
        turbat.NamedElsewhere.ShouldBe(new Dyad.Attribution.Attacks.OutsideEvidence("bla", Dyad.Attribution.Attacks.OutsideEvidenceKind.LinkedReport, "acled:PAK1"));
        var raid = attacks["202105310001"];
        (raid.Perpetrator, raid.Status).ShouldBe(("bla", Dyad.Attribution.Attacks.PerpetratorStatus.Known));
        raid.NamedElsewhere!.Kind.ShouldBe(Dyad.Attribution.Attacks.OutsideEvidenceKind.Claim);
    }

    [Fact]
    public async Task A_store_moves_whole_to_another_with_its_decisions_and_its_protected_sources_withheld()
    {
        (await CliRun.Of("incidents", "split", "gtd:202101100001", "acled:PAK1", "--db", Db)).ExitCode.ShouldBe(0);
        (await CliRun.Of("sources", "add", "--db", Db, "--code", "ISK-30", "--type", "interview", "--title", "IS-K 30, cadre, Farah", "--protection", "protected")).ExitCode.ShouldBe(0);
        var folder = _folder.File("export");

        var export = await CliRun.Of("export", "--db", Db, "--out", folder);
        var moved = _folder.File("moved.duckdb");
        var import = await CliRun.Of("import", folder, "--db", moved, "--json");
        var again = await CliRun.Of("import", folder, "--db", moved, "--json");

        export.ExitCode.ShouldBe(0, export.Errors);
        File.ReadAllText(Path.Combine(folder, "sources.json")).ShouldNotContain("Farah");
        import.ExitCode.ShouldBe(0, import.Errors);
        using (var json = JsonDocument.Parse(import.Data))
        {
            json.RootElement.GetProperty("files")[0].GetProperty("imported").GetInt32().ShouldBe(6);
        }

        using (var json = JsonDocument.Parse(again.Data))
        {
            json.RootElement.GetProperty("files")[0].GetProperty("imported").GetInt32().ShouldBe(0);
        }

        (await IncidentMembers(moved)).ShouldBe(await IncidentMembers(Db));
        (await CliRun.Of("export", "--db", Db, "--out", folder)).ExitCode.ShouldBe(2, "an export never writes into a folder that holds files");
    }

    [Fact]
    public async Task The_rivalry_counts_a_side_s_attacks_another_source_calls_unclaimed()
    {
        var run = await CliRun.Of("rivalry", "BLA", "TTP", "--db", Db, "--json");

        run.ExitCode.ShouldBe(0, run.Errors);
        using var json = JsonDocument.Parse(run.Data);
        var bla = json.RootElement.GetProperty("summary_a");
        bla.GetProperty("events").GetInt64().ShouldBe(1);
        bla.GetProperty("unnamed_elsewhere").GetInt64().ShouldBe(1, "GTD's report of the Turbat bombing names no one; ACLED's names the BLA");
    }

}
