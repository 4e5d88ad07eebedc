using System.ComponentModel;
using Dyad.Cli.Hosting;
using Dyad.Cli.Importing;
using Dyad.Cli.Rendering;
using Dyad.Store.DuckDb;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class DemoSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("Where to build the demo store (replaced if it exists). Defaults to dyad-demo/demo.duckdb in the system's temporary folder.")]
    public string? Db { get; init; }

    public string StorePath => Db ?? Path.Combine(Path.GetTempPath(), "dyad-demo", "demo.duckdb");
}

/// <summary>
/// Dyad's main job on the embedded default, with nothing to configure: a fresh store from the UCDP samples that ship
/// with Dyad, then what an analyst of the IS-K / Taliban rivalry would look at first.
/// </summary>
public sealed class DemoCommand(CliOutput output) : AsyncCommand<DemoSettings>
{
    /// <summary>The sample files, copied next to the program at build time (UCDP, CC BY 4.0).</summary>
    public static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "samples");

    public override Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var samples = Directory.Exists(SamplesFolder)
            ? Directory.GetFiles(SamplesFolder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (samples.Count == 0)
        {
            throw new DyadException(DyadErrorKind.NotFound, $"The demo's sample data is missing from {SamplesFolder}; rebuild Dyad with ./dyad.");
        }

        var path = settings.StorePath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        foreach (var old in new[] { path, path + ".wal" })
        {
            File.Delete(old);
        }

        var console = output.Console;
        console.Write(new Rule("[bold]Dyad[/] — a workbench for militant rivalries and attacks nobody claims").LeftJustified());
        console.MarkupLine("Dyad reads the datasets analysts already use (GTD, ACLED, UCDP) into one event store, keeping every row's provenance.");
        console.MarkupLine("This demo builds a fresh store from the [bold]UCDP[/] sample files that ship with Dyad (CC BY 4.0) and looks at the");
        console.MarkupLine("rivalry between [bold]Islamic State Khorasan Province[/] (IS-K; UCDP: \"IS\") and the [bold]Afghan Taliban[/] (UCDP: \"Taleban\"),");
        console.MarkupLine("which Dyad's actor registry knows by all their names, and places on the map with its gazetteer.");
        console.WriteLine();

        var registries = RegistryFiles.Load(null);
        using var store = DuckDbEventStore.Open(path);
        var outcomes = samples.Select(f => new FileOutcome(f, FileImport.Run(store, f, cancellationToken: cancellationToken), null)).ToList();
        FileImport.Derive(store, registries);
        ImportRenderer.Render(console, outcomes, path);
        console.WriteLine();

        DemoRenderer.YearlyDeaths(console, store);
        DemoRenderer.Clashes(console, store, registries.Gazetteer);

        console.Write(new Rule("[bold]Go on from here[/]").LeftJustified());
        var db = path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
        console.MarkupLine($"  ./dyad stats --db {Markup.Escape(db)}");
        console.MarkupLine($"  ./dyad events --db {Markup.Escape(db)} --actor IS-K --province Nangarhar");
        console.MarkupLine("  ./dyad actors resolve \"ولاية خراسان\"    ./dyad places resolve Korengal");
        console.MarkupLine($"  ./dyad events --db {Markup.Escape(db)} --dataset ucdp-ged --actor Taleban --format geojson > taleban.geojson");
        console.MarkupLine("  ./dyad import YOUR_GTD.xlsx YOUR_ACLED.csv    [grey](into ./dyad.duckdb)[/]");
        return Task.FromResult(ExitCodes.Success);
    }
}
