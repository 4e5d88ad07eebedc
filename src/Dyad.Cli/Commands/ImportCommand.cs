using System.ComponentModel;
using Dyad.Cli.Hosting;
using Dyad.Cli.Importing;
using Dyad.Cli.Rendering;
using Dyad.Ingest.Formats;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dyad.Cli.Commands;

public sealed class ImportSettings : StoreSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("GTD, ACLED or UCDP files (.csv, .xlsx, .geojson).")]
    public string[] Files { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description(FormatOption.Description)]
    public string? Format { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object with each file's counts instead of a table.")]
    public bool Json { get; init; }

    public FormatFamily? Family => FormatOption.Parse(Format);

    public override ValidationResult Validate()
    {
        if (Files.Length == 0)
        {
            return ValidationResult.Error("Name at least one file to import.");
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
        var registries = RegistryFiles.Load(settings.Registry);
        using var store = DuckDbEventStore.Open(settings.Db);
        var outcomes = output.Interactive && !settings.Json
            ? ImportWithProgress(store, settings, cancellationToken)
            : [.. settings.Files.Select(f => ImportOne(store, f, settings.Family, null, cancellationToken))];
        FileImport.Derive(store, registries);

        output.Result(settings.Json, new { Files = outcomes.Select(o => o.ToJson()) }, () => ImportRenderer.Render(output.Console, outcomes, settings.Db));

        foreach (var failure in outcomes.Where(o => o.Error is not null))
        {
            output.Errors.WriteLine($"dyad: {failure.Error!.Message}");
        }

        return Task.FromResult(outcomes.Any(o => o.Error is not null) ? ExitCodes.BadInput : ExitCodes.Success);
    }

    private List<FileOutcome> ImportWithProgress(DuckDbEventStore store, ImportSettings settings, CancellationToken cancellationToken) =>
        output.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = settings.Files.Select(f => context.AddTask(Markup.Escape(Path.GetFileName(f)), autoStart: false, maxValue: 1)).ToList();
                var outcomes = new List<FileOutcome>();
                for (var i = 0; i < settings.Files.Length; i++)
                {
                    var task = tasks[i];
                    task.StartTask();
                    outcomes.Add(ImportOne(store, settings.Files[i], settings.Family, p => task.Value = p, cancellationToken));
                    task.Value = 1;
                    task.StopTask();
                }

                return outcomes;
            });

    private static FileOutcome ImportOne(IEventStore store, string file, FormatFamily? family, Action<double>? onProgress, CancellationToken cancellationToken)
    {
        try
        {
            return new FileOutcome(file, FileImport.Run(store, file, family, onProgress, cancellationToken), null);
        }
        catch (DyadException e) when (e.Kind == DyadErrorKind.BadInput)
        {
            return new FileOutcome(file, null, e);
        }
    }
}

/// <summary>One file's import: its report, or why it could not be read at all.</summary>
internal sealed record FileOutcome(string File, ImportReport? Report, DyadException? Error)
{
    public object ToJson() => Report is { } r
        ? new { File, r.Format, r.Dataset, r.Read, r.Imported, r.Duplicates, r.Rejected, r.Warnings }
        : new { File, Error = Error!.Message, Row = Error.Row, Column = Error.Column } as object;
}
