using System.ComponentModel;
using Dyad.App;
using Dyad.App.Briefs;
using Dyad.App.Configuration;
using Dyad.App.Demo;
using Dyad.App.Importing;
using Dyad.App.Rivalry;
using Dyad.Attribution.Calibration;
using Dyad.Cli.Commands.Rivalry;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class DemoSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("Where to build the demo store: a new file, or one an earlier demo made (replaced); the demo never replaces anything else. Defaults to demo.duckdb in your Dyad folder, beside your own store.")]
    public string? Db { get; init; }

    public string StorePath => Db ?? DemoSteps.DefaultStore;
}

/// <summary>
/// Dyad's main job on the embedded default, with nothing to configure: a fresh store from the UCDP samples that ship
/// with Dyad, then what an analyst of the IS-K / Taliban rivalry would look at first.
/// </summary>
public sealed class DemoCommand(CliOutput output, TimeProvider clock, DemoSteps demo) : AsyncCommand<DemoSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var samples = DemoSteps.Samples();
        var path = settings.StorePath;
        DemoSteps.MakeWay(path);

        var console = output.Console;
        console.Write(new Rule("[bold]Dyad[/] — a workbench for militant rivalries and attacks nobody claims").LeftJustified());
        console.MarkupLine("Dyad reads the datasets analysts already use (GTD, ACLED, UCDP) and the analyst's own evidence (sources, claims, interviews) into one store, " +
            "keeping every row's provenance, and counts each incident once however many datasets report it.");
        // One line per paragraph: the console wraps it to the terminal's width.
        console.MarkupLine("This demo builds a fresh store from the [bold]UCDP[/] sample files that ship with Dyad (CC BY 4.0) and the case file of the article Dyad began from, and looks at the " +
            "rivalry between [bold]Islamic State Khorasan Province[/] (IS-K; UCDP: \"IS\") and the [bold]Afghan Taliban[/] (UCDP: \"Taleban\"), " +
            "which Dyad's actor registry knows by all their names, and places on the map with its gazetteer.");
        console.WriteLine();

        var registries = RegistryFiles.Load(null);
        var brief = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "brief.html");
        using (var store = DuckDbEventStore.Open(path))
        {
            store.SetMadeBy(DemoSteps.Analyst);
            var outcomes = new ImportBatch(null, null, null, DemoSteps.Analyst).Run(store, () => registries, samples, null, cancellationToken);
            ImportRenderer.Render(console, outcomes, path);
            var statistics = store.Statistics();
            console.MarkupLine($"The {statistics.Events:N0} events make [bold]{statistics.Incidents:N0} incidents[/]: Dyad links the reports of one attack across datasets " +
                $"({statistics.MultiDatasetIncidents:N0} here are reported by more than one), and every figure below counts incidents, not rows.");
            console.WriteLine();

            DemoRenderer.YearlyDeaths(console, store);
            DemoRenderer.Clashes(console, store, registries.Gazetteer);
            TypeInTheKunarClaim(console, store, registries);
            AttributeWithheldAttack(console, store, registries, cancellationToken);
            var report = new ReportSettings { Db = path, A = "iskp", B = "taliban" };
            new BriefWriter(RivalryService.Load(null, registries), clock).Write(store, report.ToRequest(), brief, report.ReportCommandLine(brief));
        }

        console.Write(new Rule("[bold]Go on from here[/]").LeftJustified());
        var db = path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
        var dyad = Markup.Escape(DyadFolders.Command);
        console.MarkupLine($"  {dyad} stats --db {Markup.Escape(db)}");
        console.MarkupLine($"  {dyad} events --db {Markup.Escape(db)} --actor IS-K --province Nangarhar");
        console.MarkupLine($"  {dyad} actors resolve \"ولاية خراسان\"    {dyad} places resolve Korengal");
        console.MarkupLine($"  {dyad} events --db {Markup.Escape(db)} --dataset ucdp-ged --actor Taleban --format geojson > taleban.geojson");
        console.MarkupLine($"  {dyad} import YOUR_GTD.xlsx YOUR_ACLED.csv    [grey](into your store, {Markup.Escape(DyadFolders.DefaultStore)})[/]");
        console.MarkupLine($"  {dyad} backtest --db {Markup.Escape(db)} --split 2019-01-01");
        console.MarkupLine($"  {dyad} rivalry IS-K Taliban --db {Markup.Escape(db)} --by quarter --out charts");
        console.MarkupLine($"  {dyad} report IS-K Taliban --db {Markup.Escape(db)} --out brief.pdf");
        console.MarkupLine($"  {dyad} forecast --db {Markup.Escape(db)} --actor TTP --country Pakistan    [grey](where next month's events are likeliest)[/]");
        console.MarkupLine($"  {dyad} turns list    {dyad} turns show Doha --db " + Markup.Escape(db));
        console.MarkupLine($"  {dyad} serve{(settings.Db is null ? "" : $" --db {Markup.Escape(db)}")}    [grey](the dashboard and the API at http://127.0.0.1:5080)[/]");

        console.Write(new Rule("[bold]The brief[/]").LeftJustified());
        console.MarkupLine("A brief on IS-K and the Taliban from these samples — findings as sentences, the timeline, the province map, whom each side " +
            $"targets, what changed after each leader's death and the 2020 agreement, where clashes may come next, and a footnote for every file used — is in [bold]{Markup.Escape(brief)}[/] (open it in a browser).");
        return Task.FromResult(ExitCodes.Success);
    }

    /// <summary>
    /// The article's own evidence: Amaq's claim of 14 November 2019, typed in as an analyst would, parsed, cited from
    /// the article's footnote, and set against the events — here the article's own record of that attack.
    /// </summary>
    private static void TypeInTheKunarClaim(IAnsiConsole console, IDyadStore store, Registries registries)
    {
        if (DemoSteps.RecordKunarClaim(store, registries) is not var (amaq, recorded))
        {
            return;
        }

        console.Write(new Rule("[bold]A claim, typed in[/] — the article's evidence beside the datasets").LeftJustified());
        console.MarkupLine("The sample data also hold the article's case file: its sources (the interview among them, protected), its claims and the events it reports. " +
            $"Here is its Amaq claim of 14 November 2019, as an analyst types it: [bold]dyad claims add --source AMAQ-2019-11-14 --date 2019-11-14 --text \"{Markup.Escape(DemoSteps.KunarClaim)}\"[/]");
        ClaimRenderer.Render(console, recorded, amaq, showProtected: false, stored: true);
        console.WriteLine();
    }

    /// <summary>
    /// Attribution on the sample data: UCDP names the sides of every event, so the demo withholds the perpetrator of
    /// IS-K's latest attack in Nangarhar, its heartland, in the samples, trains on everything else, and asks who did it.
    /// </summary>
    private void AttributeWithheldAttack(IAnsiConsole console, IEventStore store, Registries registries, CancellationToken cancellationToken)
    {
        if (demo.AttributeWithheldAttack(store, registries, cancellationToken) is not { } withheld)
        {
            return;
        }

        var (question, model, attribution) = (withheld.Attack, withheld.Model, withheld.Attribution);
        console.Write(new Rule("[bold]Who did it?[/] An attack whose perpetrator the demo withholds").LeftJustified());
        console.MarkupLine($"Dyad trained an attribution model (LightGBM, calibrated) on the samples' other {model.Metadata.TrainingAttacks:N0} attacks in Afghanistan and Pakistan with a known perpetrator, " +
            $"and asks who carried out event {question.EventId}, with UCDP's answer hidden. Groups: {Markup.Escape(string.Join(", ", model.Metadata.ClassNames))}.");
        AttributionRenderer.RenderAttributions(console, attribution, model.Metadata);
        console.MarkupLine($"UCDP's answer: [bold]{Markup.Escape(withheld.Answer)}[/] — Dyad said {Markup.Escape(attribution[0].Top.Name)}, {attribution[0].Verdict switch
        {
            Verdict.Attributed => "and attributed it",
            Verdict.Leaning => "leaning, not attributing",
            _ => "but could not tell",
        }}.");
        console.WriteLine();
    }
}
