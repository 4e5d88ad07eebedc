using System.Diagnostics;
using Dyad.Analysis.Briefs;
using Dyad.Analysis.Charts;
using Dyad.Testing;

namespace Dyad.Analysis.Tests.Briefs;

/// <summary>The charts, map and brief from the real files in ../shared/data, and the brief as headless Chromium shows it.</summary>
public sealed class BriefTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Charts_and_brief_are_made_from_the_real_files_and_the_page_shows_the_map()
    {
        string[] files =
        [
            SharedData.File("ucdp/ged231_sample1000_uncertainUCDP.csv"),
            SharedData.File("ucdp/ged_api_pakistan_BatonVatrushka.csv"),
            SharedData.File("ucdp/ged191_afg_selected310_RealCaddish.geojson"),
            SharedData.File("gtd/globalterrorismdb_2021Jan-June_1222dist.csv"),
            SharedData.File("gtd/gtd_afg_reduced_cols_MS_Thesis.csv"),
        ];
        using var store = RivalryStores.Import(_folder.File("real.duckdb"), files);
        var losses = Leaders.LeadershipLoss.Load(Path.Combine(SharedData.RepositoryRoot, "data", "registry", "leaders.json"));
        var result = RivalryStores.Compute(store, losses: losses);
        result.Leaders.Count.ShouldBe(3);
        result.Dyad.Events.ShouldBeGreaterThan(0);
        result.SummaryA.Events.ShouldBeGreaterThan(0);
        result.Targets.ShouldNotBeEmpty();

        var charts = RivalryCharts.Write(result, Registries.Gazetteer, _folder.File("charts"));
        foreach (var name in new[] { "timeline", "targets", "map" })
        {
            new FileInfo(charts[name]).Length.ShouldBeGreaterThan(10_000);
            File.Exists(Path.ChangeExtension(charts[name], ".svg")).ShouldBeTrue();
        }

        var markdown = RivalryBrief.Markdown(result, store.Imports(), charts.ToDictionary(c => c.Key, c => Path.GetFileName(c.Value)), DateTimeOffset.UnixEpoch);
        markdown.ShouldContain($"**{result.Dyad.Events:N0} incidents**");
        markdown.ShouldContain("[^data]: Counted from:");
        markdown.ShouldContain("Global Terrorism Database");
        markdown.ShouldContain("Hafiz Sayed Khan");
        var html = RivalryBrief.Html(markdown, charts, "brief");
        html.ShouldContain("data:image/png;base64,");
        var page = _folder.Write("brief.html", html);

        var chromium = PdfPrinter.Chromium;
        Assert.SkipWhen(chromium is null, "Debian's chromium is not installed: the brief was not opened in a browser.");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "brief-screenshot.png");
        File.Delete(screenshot);
        Run(chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={_folder.File("profile")}", "--window-size=1000,2600",
            $"--screenshot={screenshot}", new Uri(page).AbsoluteUri);
        new FileInfo(screenshot).Length.ShouldBeGreaterThan(100_000);
        TestContext.Current.TestOutputHelper?.WriteLine($"The brief as Chromium shows it: {screenshot}");

        var pdf = _folder.File("brief.pdf");
        PdfPrinter.Print(page, pdf);
        File.ReadAllBytes(pdf)[..4].ShouldBe("%PDF"u8.ToArray());
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.WaitForExit(TimeSpan.FromMinutes(2)).ShouldBeTrue();
    }
}
