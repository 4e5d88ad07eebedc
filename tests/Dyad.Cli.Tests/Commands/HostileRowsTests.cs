using System.Text.Json;
using Dyad.Testing;

namespace Dyad.Cli.Tests.Commands;

/// <summary>
/// A file whose rows carry script, an image with an onerror handler and a javascript: link in their places and notes, whose
/// name carries markup, and whose extract description does too: what Dyad writes from it runs nothing and links nowhere.
/// </summary>
public sealed class HostileRowsTests : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string Link = "[click](javascript:alert(1))";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("store.duckdb");

    private async Task ImportHostileFile()
    {
        var clashes = Enumerable.Range(1, 12).Select(month =>
            $"AFG{month},2019-{month:00}-05,2019,1,Battles,Armed clash,Islamic State (Afghanistan),,Taliban,,Afghanistan,\"{Script}\",\"{Link}\",\"{Image}\",,,1,Invented,\"{Script} {Link}\",3");
        var file = _folder.Write($"hostile`{Image}.csv", Fixtures.Acled([.. clashes]));
        var import = await CliRun.Of("import", file, "--db", Db, "--extract", $"**bold** {Link} {Script}");
        import.ExitCode.ShouldBe(0, import.Errors);
    }

    [Fact]
    public async Task The_brief_runs_no_script_and_links_nowhere_in_html_and_markdown()
    {
        await ImportHostileFile();
        (await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--out", _folder.File("brief.html"))).ExitCode.ShouldBe(0);
        (await CliRun.Of("report", "IS-K", "Taliban", "--db", Db, "--out", _folder.File("brief.md"))).ExitCode.ShouldBe(0);

        var html = File.ReadAllText(_folder.File("brief.html"));
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;", Case.Sensitive, "the province's name is shown, as text");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img src=x", Case.Insensitive);
        html.ShouldNotContain("href=\"javascript", Case.Insensitive);
        html.ShouldNotContain("<strong>bold</strong>", Case.Sensitive, "the extract's description is text, not Markdown");

        var markdown = File.ReadAllText(_folder.File("brief.md"));
        markdown.ShouldContain(@"\<script\>alert\(1\)\</script\>");
        markdown.ShouldContain(@"\*\*bold\*\* \[click\]\(javascript:alert\(1\)\)");
        markdown.ShouldContain("`hostile'<img src=x onerror=alert(1)>.csv`", Case.Sensitive, "a file name stays inside its code span");
    }

    [Fact]
    public async Task Charts_and_exports_keep_the_strings_as_data()
    {
        await ImportHostileFile();
        (await CliRun.Of("rivalry", "IS-K", "Taliban", "--db", Db, "--out", _folder.File("charts"))).ExitCode.ShouldBe(0);
        foreach (var svg in Directory.GetFiles(_folder.File("charts"), "*.svg"))
        {
            File.ReadAllText(svg).ShouldNotContain("<script", Case.Insensitive, svg);
        }

        var geojson = await CliRun.Of("events", "--db", Db, "--format", "geojson");
        JsonDocument.Parse(geojson.Data).RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        var json = await CliRun.Of("events", "--db", Db, "--format", "json");
        using var events = JsonDocument.Parse(json.Data);
        events.RootElement.EnumerateArray().First().GetProperty("notes").GetString().ShouldBe($"{Script} {Link}", "a note is kept as it was, and escaped by JSON");
    }
}
