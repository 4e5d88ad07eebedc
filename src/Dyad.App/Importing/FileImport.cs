using System.Security.Cryptography;
using Dyad.Actors;
using Dyad.Incidents;
using Dyad.Ingest;
using Dyad.Ingest.Formats;
using Dyad.Store;

namespace Dyad.App.Importing;

/// <summary>Imports one file: Ingest reads and maps it, the store keeps it, in one transaction.</summary>
public static class FileImport
{
    /// <param name="onProgress">Called now and then with how far through the file the import is, from 0 to 1.</param>
    /// <param name="release">The release of its dataset the file is, whole; null for an extract or an unknown release.</param>
    /// <param name="deleted">Ids of the dataset's events its publisher says it deleted, withdrawn with this import.</param>
    public static ImportReport Run(IEventStore store, string path, FormatFamily? family = null, Action<double>? onProgress = null,
        CancellationToken cancellationToken = default, string? release = null, IReadOnlyList<string>? deleted = null)
    {
        using var file = EventFile.Open(path, family);
        if (file.Format == SourceFormat.DyadExport)
        {
            // Its events belong to datasets already imported somewhere: a second copy would not be the source's.
            throw DyadException.BadInput(
                $"{path}: a CSV Dyad exported, not a dataset's file; import the original files (its source_file column names them). 'dyad attribute --file' reads it as it is.", path, 1);
        }

        // The file's fingerprint is computed on the other core while this one parses it.
        var sha256 = Task.Run(() => Sha256(path), cancellationToken);
        var source = new ImportSource(path, FormatDetector.Name(file.Format), file.Dataset, file.Columns, new FileInfo(path).Length,
            () => sha256.GetAwaiter().GetResult())
        {
            Release = release,
            Deleted = deleted ?? [],
        };
        return store.Import(source, file.ReadRows(cancellationToken), () => file.Warnings, _ => onProgress?.Invoke(file.Progress), cancellationToken);
    }

    /// <summary>
    /// Derives what the new events need from the registries and publishes the imports, in one transaction, once after a
    /// command's imports (each pass reads the whole store): no query ever sees an event without its places, actors and
    /// incidents, and a process killed before the commit leaves the store as it was before the command. If derivation
    /// fails, the pending imports are removed.
    /// </summary>
    public static LinkingReport Complete(IEventStore store, Registries registries, CancellationToken cancellationToken = default)
    {
        try
        {
            return store.Atomically(() =>
            {
                var report = Derive(store, registries, cancellationToken);
                store.PublishImports();
                return report;
            });
        }
        catch
        {
            store.DiscardPendingImports();
            throw;
        }
    }

    /// <summary>
    /// Places first, because an event without a country gets the gazetteer's, which actor resolution uses; then the
    /// incidents, which compare places and actors.
    /// </summary>
    private static LinkingReport Derive(IEventStore store, Registries registries, CancellationToken cancellationToken)
    {
        store.AssignPlaces(registries.Gazetteer);
        store.ResolveActors(registries.Actors);
        cancellationToken.ThrowIfCancellationRequested();
        return Link(store, registries.Actors, cancellationToken);
    }

    /// <summary>Links the store's events into incidents again, with the analysts' decisions (after places or actors changed).</summary>
    public static LinkingReport Link(IEventStore store, ActorRegistry actors, CancellationToken cancellationToken = default) =>
        store.LinkIncidents(new IncidentLinker(new LinkScorer(actors)), cancellationToken);

    private static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
