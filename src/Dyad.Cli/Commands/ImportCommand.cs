using System.ComponentModel;
using Dyad.App;
using Dyad.App.Importing;
using Dyad.App.Records;
using Dyad.Cli.Hosting;
using Dyad.Cli.Rendering;
using Dyad.Ingest.Formats;
using Dyad.Sources;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Dyad.Store.Sql;
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
public sealed class ImportCommand(CliOutput output) : AsyncCommand<ImportSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        // A broken actor registry stops the command before anything is imported; the gazetteer, a tenth of a second
        // of polygons, is read while the files import, and needed only after.
        var actors = RegistryFiles.LoadActors(settings.Registry);
        var gazetteer = Task.Run(RegistryFiles.LoadGazetteer, cancellationToken);
        using var store = EventStores.Open(settings.Db);
        // Exported stores and event files first, then the case files: a claim is set against the events, which must be
        // placed and linked by then.
        var exports = settings.Files.Where(IsExport).ToList();
        var caseFiles = settings.Files.Where(CaseFile.Is).ToList();
        var eventFiles = settings.Files.Except(exports).Except(caseFiles).ToList();
        var outcomes = exports.Select(f => new FileOutcome(f, null, null, Store: DuckDbEventStore.Required(store, "importing an exported folder").ImportFrom(f, Environment.UserName))).ToList();
        outcomes.AddRange(output.Interactive && !settings.Json
            ? ImportWithProgress(store, eventFiles, settings, cancellationToken)
            : [.. eventFiles.Select(f => ImportOne(store, f, settings, null, cancellationToken))]);
        if (settings.Extract is { } extract)
        {
            foreach (var report in outcomes.Select(o => o.Report).OfType<ImportReport>())
            {
                store.DescribeExtract(report.ImportId, extract);
            }
        }

        var registries = new Registries(actors, gazetteer.GetAwaiter().GetResult());
        FileImport.Complete(store, registries);
        outcomes.AddRange(caseFiles.Select(f => ImportCaseFile(store, registries, f)));

        output.Result(settings.Json, new { Files = outcomes.Select(o => o.ToJson()) }, () => ImportRenderer.Render(output.Console, outcomes, settings.Db));

        foreach (var failure in outcomes.Where(o => o.Error is not null))
        {
            output.Errors.WriteLine($"dyad: {failure.Error!.Message}");
        }

        return Task.FromResult(outcomes.Any(o => o.Error is not null) ? ExitCodes.BadInput : ExitCodes.Success);
    }

    private List<FileOutcome> ImportWithProgress(SqlEventStore store, IReadOnlyList<string> files, ImportSettings settings, CancellationToken cancellationToken) =>
        output.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = files.Select(f => context.AddTask(Markup.Escape(Path.GetFileName(f)), autoStart: false, maxValue: 1)).ToList();
                var outcomes = new List<FileOutcome>();
                for (var i = 0; i < files.Count; i++)
                {
                    var task = tasks[i];
                    task.StartTask();
                    outcomes.Add(ImportOne(store, files[i], settings, p => task.Value = p, cancellationToken));
                    task.Value = 1;
                    task.StopTask();
                }

                return outcomes;
            });

    private static bool IsExport(string path) => Directory.Exists(path) && File.Exists(Path.Combine(path, DuckDbEventStore.ExportManifest));

    private static FileOutcome ImportCaseFile(SqlEventStore store, Registries registries, string file)
    {
        try
        {
            return new FileOutcome(file, null, null, CaseFileImport.Run(store, registries, file, Environment.UserName));
        }
        catch (DyadException e) when (e.Kind is DyadErrorKind.BadInput or DyadErrorKind.BadUsage)
        {
            return new FileOutcome(file, null, e);
        }
    }

    private static FileOutcome ImportOne(IEventStore store, string file, ImportSettings settings, Action<double>? onProgress, CancellationToken cancellationToken)
    {
        try
        {
            return new FileOutcome(file, FileImport.Run(store, file, settings.Family, onProgress, cancellationToken, settings.Release), null);
        }
        catch (DyadException e) when (e.Kind == DyadErrorKind.BadInput)
        {
            return new FileOutcome(file, null, e);
        }
    }
}

/// <summary>One file's import: its report (events, or a case file's records), or why it could not be read at all.</summary>
internal sealed record FileOutcome(string File, ImportReport? Report, DyadException? Error, CaseFileReport? Records = null, StoreTransferReport? Store = null)
{
    public object ToJson() => Report is { } r
        ? new { File, r.Format, r.Dataset, r.Release, r.Read, r.Imported, r.Revised, r.Duplicates, r.Rejected, r.Withdrawn, r.Warnings }
        : Store is { } t
        ? new { File, Format = "dyad-export", Read = t.Events + t.EventsSkipped, Imported = t.Events, Duplicates = t.EventsSkipped, Rejected = 0, t.Sources, t.SourcesKept, t.Claims, t.ClaimsKept }
        : Records is { } c
        ? new { File, Format = "case-file", c.Read, Imported = c.SourcesAdded + c.ClaimsAdded, Duplicates = c.SourcesKept + c.ClaimsKept, Rejected = 0, c.Warnings, c.SourcesAdded, c.ClaimsAdded }
        : new { File, Error = Error!.Message, Row = Error.Row, Column = Error.Column } as object;
}
