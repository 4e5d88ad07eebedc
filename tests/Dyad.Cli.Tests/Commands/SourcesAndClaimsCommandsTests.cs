using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>Sources, claims and case files through the command line: citations, protection, corrections and their history.</summary>
public sealed class SourcesAndClaimsCommandsTests : IDisposable
{
    private const string Kunar = "ISKP claimed killing and wounding 9 Taliban militants via two explosive devices in Kunar.";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    private static string CaseFilePath => Path.Combine(SharedData.RepositoryRoot, "data", "samples", "article", "is-k-and-the-taliban-records.json");

    private async Task AddAmaqSource() =>
        (await CliRun.Of("sources", "add", "--db", Db, "--code", "AMAQ-2019-11-14", "--type", "news-agency", "--publisher", "Amaq News Agency",
            "--title", Kunar, "--translated-from", "Arabic", "--accessed-via", "liveuamap.com from twitter @natsecjeff", "--published", "November 14th, 2019",
            "--grade", "C3")).ExitCode.ShouldBe(0);

    [Fact]
    public async Task A_source_is_cited_in_chicago_style_with_its_grade()
    {
        await AddAmaqSource();

        var run = await CliRun.Of("sources", "list", "--db", Db, "--json");

        using var json = JsonDocument.Parse(run.Data);
        var source = json.RootElement.GetProperty("sources")[0];
        source.GetProperty("grade").GetString().ShouldBe("C3");
        source.GetProperty("citation").GetString().ShouldBe(
            $"Report from Amaq News Agency: \"{Kunar}\" Translated from Arabic. Accessed via liveuamap.com from twitter @natsecjeff. November 14th, 2019.");
    }

    [Fact]
    public async Task A_protected_source_is_cited_by_its_code_unless_asked_for()
    {
        (await CliRun.Of("sources", "add", "--db", Db, "--code", "ISK-30", "--type", "interview", "--title", "IS-K 30, cadre, Farah",
            "--published", "December 2015", "--protection", "protected")).ExitCode.ShouldBe(0);

        var plain = await CliRun.Of("sources", "list", "--db", Db);
        var json = await CliRun.Of("sources", "show", "ISK-30", "--db", Db, "--json");
        var allowed = await CliRun.Of("sources", "show", "ISK-30", "--db", Db, "--json", "--protected");

        plain.Console.ShouldNotContain("Farah");
        plain.Console.ShouldContain("Interview ISK-30 (protected source; identity withheld).");
        json.Data.ShouldNotContain("Farah");
        allowed.Data.ShouldContain("Interview with IS-K 30, cadre, Farah, December 2015.");
    }

    [Fact]
    public async Task A_claim_is_parsed_stored_corrected_and_its_history_kept()
    {
        await AddAmaqSource();
        var add = await CliRun.Of("claims", "add", "--db", Db, "--source", "AMAQ-2019-11-14", "--date", "2019-11-14", "--text", Kunar, "--json");
        add.ExitCode.ShouldBe(0, add.Errors);
        using (var json = JsonDocument.Parse(add.Data))
        {
            var claim = json.RootElement.GetProperty("claim");
            claim.GetProperty("claimant_id").GetString().ShouldBe("iskp");
            claim.GetProperty("killed_or_wounded").GetInt32().ShouldBe(9);
            claim.GetProperty("channel").GetString().ShouldBe("Amaq");
        }

        var set = await CliRun.Of("claims", "set", "1", "killed=4", "wounded=5", "killed_or_wounded=", "--db", Db);
        set.ExitCode.ShouldBe(0, set.Errors);
        var show = await CliRun.Of("claims", "show", "1", "--db", Db);

        show.Console.ShouldContain("4 killed, 5 wounded");
        show.Console.ShouldContain(": create");
        show.Console.ShouldContain(": update");
    }

    [Fact]
    public async Task A_dry_run_stores_nothing_and_a_bad_correction_is_refused()
    {
        await AddAmaqSource();
        (await CliRun.Of("claims", "add", "--db", Db, "--source", "AMAQ-2019-11-14", "--text", Kunar, "--dry-run")).ExitCode.ShouldBe(0);
        (await CliRun.Of("claims", "list", "--db", Db)).Console.ShouldContain("No claim yet");

        var bad = await CliRun.Of("claims", "add", "--db", Db, "--source", "AMAQ-2019-11-14", "--text", Kunar, "--set", "killed=many");
        bad.ExitCode.ShouldBe(2);
        bad.Errors.ShouldContain("killed takes a whole number");
        (await CliRun.Of("claims", "list", "--db", Db)).Console.ShouldContain("No claim yet");
    }

    [Fact]
    public async Task A_claim_on_a_source_that_is_not_there_says_how_to_add_it()
    {
        var run = await CliRun.Of("claims", "add", "--db", Db, "--source", "NOPE", "--text", Kunar);

        run.ExitCode.ShouldNotBe(0);
        run.Errors.ShouldContain("dyad sources add --code NOPE");
    }

    [Fact]
    public async Task A_case_file_imported_twice_adds_nothing_and_never_overwrites_the_analyst_s_records()
    {
        (await CliRun.Of("import", CaseFilePath, "--db", Db)).ExitCode.ShouldBe(0);
        (await CliRun.Of("claims", "set", "1", "killed=2", "--db", Db)).ExitCode.ShouldBe(0);
        var edited = _folder.Write("records.json", File.ReadAllText(CaseFilePath).Replace("\"published\": \"2020\"", "\"published\": \"2021\"", StringComparison.Ordinal));

        var again = await CliRun.Of("import", edited, "--db", Db, "--json");

        again.ExitCode.ShouldBe(0, again.Errors);
        using var json = JsonDocument.Parse(again.Data);
        var file = json.RootElement.GetProperty("files")[0];
        file.GetProperty("imported").GetInt32().ShouldBe(0);
        file.GetProperty("duplicates").GetInt32().ShouldBe(9);
        file.GetProperty("warnings")[0].GetString()!.ShouldContain("STEWART-2020 differs from the store's, which is kept");
        (await CliRun.Of("claims", "show", "1", "--db", Db)).Console.ShouldContain("2 killed");
    }

    [Fact]
    public async Task A_grade_outside_the_scale_is_refused()
    {
        var run = await CliRun.Of("sources", "add", "--db", Db, "--code", "X", "--type", "report", "--grade", "G7");

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldContain("reliability A-F then credibility 1-6");
    }

    [Fact]
    public async Task The_brief_cites_the_analyst_s_sources_and_a_protected_one_by_its_code_only()
    {
        var events = _folder.Write("records.csv", """
            record_id,event_date,country,admin1,actor1,actor2,actor_roles,deaths,source,notes
            isk-30-1,2015-12-01,Afghanistan,Farah,Islamic State Khorasan Province,Taliban,sides,43,ISK-30,Clashes an interviewee described.
            """);
        (await CliRun.Of("sources", "add", "--db", Db, "--code", "ISK-30", "--type", "interview", "--title", "IS-K 30, cadre, Farah",
            "--published", "December 2015", "--protection", "protected")).ExitCode.ShouldBe(0);
        (await CliRun.Of("import", events, "--db", Db)).ExitCode.ShouldBe(0);

        var brief = _folder.File("brief.md");
        var run = await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--out", brief);

        run.ExitCode.ShouldBe(0, run.Errors);
        var markdown = File.ReadAllText(brief);
        markdown.ShouldContain("[^sources]: The analyst's own records cite: Interview ISK-30 (protected source; identity withheld).");
        markdown.ShouldNotContain("cadre");
        markdown.ShouldContain("**1 incidents**");
    }

    [Fact]
    public async Task A_claim_is_linked_to_the_attack_it_claims_and_a_denial_of_it_is_flagged()
    {
        var events = Path.Combine(SharedData.RepositoryRoot, "data", "samples", "article", "is-k-and-the-taliban-events.csv");
        (await CliRun.Of("import", events, CaseFilePath, "--db", Db)).ExitCode.ShouldBe(0);
        (await CliRun.Of("sources", "add", "--db", Db, "--code", "VOJ-2019-11-15", "--type", "official-statement", "--publisher", "Voice of Jihad")).ExitCode.ShouldBe(0);

        var claim = await CliRun.Of("claims", "add", "--db", Db, "--source", "AMAQ-2019-11-14", "--date", "2019-11-14", "--text", Kunar, "--json");
        var denial = await CliRun.Of("claims", "add", "--db", Db, "--source", "VOJ-2019-11-15", "--date", "2019-11-15",
            "--text", "Voice of Jihad said the Taliban denied losing fighters to an ISKP bombing in Kunar.");
        var show = await CliRun.Of("claims", "show", "2", "--db", Db);

        claim.ExitCode.ShouldBe(0, claim.Errors);
        using (var json = JsonDocument.Parse(claim.Data))
        {
            var best = json.RootElement.GetProperty("events")[0];
            best.GetProperty("dataset_id").GetString().ShouldBe("stewart-2020-2");
            best.GetProperty("linked").GetBoolean().ShouldBeTrue();
        }

        denial.ExitCode.ShouldBe(0, denial.Errors);
        show.Console.ShouldContain("denial 3 by Taliban concerns the same event.");
    }
}
