using System.Diagnostics;
using Dyad.App.Hosting;
using Dyad.App.Records;
using Dyad.Ingest.Formats;
using Dyad.Sources;
using Dyad.Store;
using Dyad.Store.DuckDb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dyad.App.Importing;

/// <summary>
/// Imports files the way <c>dyad import</c> does, whoever asks (the CLI, an upload to the server): exported stores
/// first, then event files, then what the new events need (places, actors, incidents) in one transaction, then case
/// files, whose claims are set against the events. A file that cannot be read is reported with why, and the others
/// are still imported.
/// </summary>
/// <param name="Family">The format, when a file's own columns do not say it.</param>
/// <param name="Release">The release of its dataset each event file is, whole.</param>
/// <param name="Extract">What each event file is an extract of, when it is one.</param>
/// <param name="By">Who the records made are recorded as made by.</param>
public sealed record ImportBatch(FormatFamily? Family, string? Release, string? Extract, string By)
{
    /// <summary>Where each file's counts and time, and the derivation's time, are logged (Information); none by default.</summary>
    public ILogger Log { get; init; } = NullLogger.Instance;

    /// <summary>Whether a path is an event file (not an exported store's folder or a case file).</summary>
    public static bool IsEventFile(string path) => !IsExport(path) && !CaseFile.Is(path);

    /// <param name="registries">The registries, asked for once the event files are in (so that the CLI reads them meanwhile).</param>
    /// <param name="onProgress">Called now and then with an event file and how far through it the import is, from 0 to 1.</param>
    public IReadOnlyList<FileOutcome> Run(IDyadStore store, Func<Registries> registries, IReadOnlyList<string> files, Action<string, double>? onProgress,
        CancellationToken cancellationToken)
    {
        var outcomes = files.Where(IsExport)
            .Select(f => new FileOutcome(f, null, null, Store: DuckDbEventStore.Required(store, "importing an exported folder").ImportFrom(f, By))).ToList();
        outcomes.AddRange(files.Where(IsEventFile).Select(f => ImportOne(store, f, onProgress, cancellationToken)));
        if (Extract is { } extract)
        {
            foreach (var report in outcomes.Select(o => o.Report).OfType<ImportReport>())
            {
                store.DescribeExtract(report.ImportId, extract);
            }
        }

        var loaded = registries();
        var derivation = Stopwatch.StartNew();
        FileImport.Complete(store, loaded, cancellationToken);
        Log.Derived(derivation.Elapsed.TotalSeconds);
        outcomes.AddRange(files.Where(CaseFile.Is).Select(f => ImportCaseFile(store, loaded, f)));
        return outcomes;
    }

    private static bool IsExport(string path) => Directory.Exists(path) && File.Exists(Path.Combine(path, DuckDbEventStore.ExportManifest));

    private FileOutcome ImportCaseFile(IDyadStore store, Registries registries, string file)
    {
        try
        {
            return new FileOutcome(file, null, null, CaseFileImport.Run(store, registries, file, By));
        }
        catch (DyadException e) when (e.Kind is DyadErrorKind.BadInput or DyadErrorKind.BadUsage)
        {
            return new FileOutcome(file, null, e);
        }
    }

    private FileOutcome ImportOne(IEventStore store, string file, Action<string, double>? onProgress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var report = FileImport.Run(store, file, Family, onProgress is null ? null : p => onProgress(file, p), cancellationToken, Release);
            Log.Imported(Path.GetFileName(file), (int)report.Read, (int)report.Imported, (int)report.Revised, (int)report.Duplicates, (int)report.Rejected, watch.Elapsed.TotalSeconds);
            return new FileOutcome(file, report, null);
        }
        catch (DyadException e) when (e.Kind == DyadErrorKind.BadInput)
        {
            Log.NotImported(Path.GetFileName(file), e.Message);
            return new FileOutcome(file, null, e);
        }
    }
}
