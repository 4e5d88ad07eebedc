using System.ComponentModel;
using Dyad.App;
using Dyad.App.Importing;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Ingest.Formats;
using Dyad.Store;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class ImportSettings : StoreSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("GTD, ACLED or UCDP files (.csv, .xlsx, .geojson), analysts' event records (.csv), case files of sources and claims (.json), or folders 'dyad export' wrote.")]
    public string[] Files { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description(FormatOption.Description)]
    public string? Format { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object with each file's counts instead of a table.")]
    public bool Json { get; init; }

    [CommandOption("--release <RELEASE>")]
    [Description("The release of the dataset each file is, whole (GED 23.1): its events revise the stored ones, and the stored events of its dataset, days and countries that it no longer has are withdrawn (kept in their history).")]
    public string? Release { get; init; }

    [CommandOption("--extract <WHAT>")]
    [Description("What the files are an extract of (\"events involving the Taliban\"): kept with their coverage, and said in every brief that counts them.")]
    public string? Extract { get; init; }

    public FormatFamily? Family => FormatOption.Parse(Format);

    public override ValidationResult Validate()
    {
        if (Files.Length == 0)
        {
            return ValidationResult.Error("Name at least one file to import.");
        }

        if (Release is not null && Extract is not null)
        {
            // A whole release withdraws what it does not have; an extract lacks most of its dataset by design.
            return ValidationResult.Error("--release says the files are whole releases and --extract that they are extracts: say one or the other.");
        }

        return FormatOption.Validate(Format);
    }
}

/// <summary>
/// Imports files one by one, each in its own transaction. A file that cannot be read is reported and the others
/// still imported; the exit code is then 3.
/// </summary>
public sealed class ImportCommand(CliOutput output, ILogger<ImportBatch> log) : AsyncCommand<ImportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        // A broken actor registry (or idiom) stops the command before anything is imported; the gazetteer, a tenth of a second
        // of polygons, is read while the files import, and needed only after.
        var actors = RegistryFiles.LoadActors(settings.Registry);
        var vocabulary = RegistryFiles.LoadVocabulary(settings.Registry);
        var gazetteer = Task.Run(RegistryFiles.LoadGazetteer, cancellationToken);
        using var store = EventStores.OpenOrCreate(settings.Db);
        var batch = new ImportBatch(settings.Family, settings.Release, settings.Extract, Environment.UserName) { Log = log };
        var eventFiles = settings.Files.Where(ImportBatch.IsEventFile).ToList();
        Registries Registries() => new(actors, gazetteer.GetAwaiter().GetResult(), vocabulary);
        var outcomes = output.Interactive && !settings.Json && eventFiles.Count > 0
            ? output.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(progress =>
                {
                    var tasks = eventFiles.ToDictionary(f => f, f => progress.AddTask(Markup.Escape(Path.GetFileName(f)), autoStart: false, maxValue: 1));
                    return batch.Run(store, Registries, settings.Files, (file, fraction) =>
                    {
                        var task = tasks[file];
                        task.StartTask();
                        task.Value = fraction;
                    }, cancellationToken);
                })
            : batch.Run(store, Registries, settings.Files, null, cancellationToken);

        if (outcomes.All(o => o.Error is not null))
        {
            // Nothing was imported: a store this command made is not left behind empty.
            store.DiscardIfNew();
        }

        output.Result(settings.Json, new { Files = outcomes.Select(o => o.ToJson()) }, () => ImportRenderer.Render(output.Console, outcomes, settings.Db));
        foreach (var failure in outcomes.Where(o => o.Error is not null))
        {
            output.Errors.WriteLine($"dyad: {failure.Error!.Message}");
        }

        return Task.FromResult(outcomes.Any(o => o.Error is not null) ? ExitCodes.BadInput : ExitCodes.Success);
    }
}
