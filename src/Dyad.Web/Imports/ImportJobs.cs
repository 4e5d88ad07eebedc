using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Dyad.App;
using Dyad.App.Importing;
using Dyad.App.Views;
using Dyad.Store;
using Dyad.Web.Attribution;
using Dyad.Web.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dyad.Web.Imports;

/// <summary>Where an uploaded import stands.</summary>
public enum ImportState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>An uploaded file's import: how far it is, and its reconciled counts (read = imported + revised + duplicates + rejected) when done.</summary>
public sealed record ImportJob(string Id, string File, string By, DateTimeOffset Received, ImportState State, double Progress, object? Outcome, string? Error);

/// <summary>
/// Imports uploaded files one at a time in the background, as <c>dyad import</c> would, so that the request that
/// uploads returns at once and the page can show progress. The upload is kept in the server's folder until its import
/// is done, then removed; the import (who, which file, its counts) goes to the record of changes.
/// </summary>
public sealed partial class ImportJobs(StorePool pool, Registries registries, AttributionCache attribution, QueryCache answers, ServerOptions options, TimeProvider clock,
    ILogger<ImportJobs> logger) : BackgroundService
{
    private readonly Channel<(string Id, string Path)> _queue = Channel.CreateUnbounded<(string, string)>();
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>The folder uploads wait in.</summary>
    public string UploadFolder => Path.Combine(DyadServer.StateFolder(options), "uploads");

    public ImportJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public IReadOnlyList<ImportJob> All() => [.. _jobs.Values.OrderByDescending(j => j.Received)];

    /// <summary>Queues a file saved at <paramref name="path"/> (the uploader's own name of it as its name there) for import.</summary>
    public ImportJob Enqueue(string path, string by)
    {
        foreach (var expired in Expired(_jobs.Values, clock.GetUtcNow()))
        {
            _jobs.TryRemove(expired, out _);
        }

        var id = Guid.NewGuid().ToString("n");
        var job = new ImportJob(id, Path.GetFileName(path), by, clock.GetUtcNow(), ImportState.Queued, 0, null, null);
        _jobs[id] = job;
        _queue.Writer.TryWrite((id, path));
        return job;
    }

    /// <summary>How many finished imports the server shows, and for how long: the record of changes keeps every one.</summary>
    internal const int KeepFinished = 100;

    internal static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    /// <summary>The finished jobs past <see cref="KeepFor"/>, or beyond the <see cref="KeepFinished"/> latest; queued and running ones never.</summary>
    internal static IEnumerable<string> Expired(IEnumerable<ImportJob> jobs, DateTimeOffset now) =>
        jobs.Where(j => j.State is ImportState.Done or ImportState.Failed).OrderByDescending(j => j.Received)
            .Where((j, rank) => rank >= KeepFinished || now - j.Received > KeepFor).Select(j => j.Id).ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (id, path) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await Import(id, path, stoppingToken);
                }
                finally
                {
                    Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping: an import under way was left whole or not at all (the store's transaction).
        }
    }

    private async Task Import(string id, string path, CancellationToken cancellationToken)
    {
        var job = _jobs[id];
        _jobs[id] = job with { State = ImportState.Running };
        try
        {
            using var lease = await pool.Rent(cancellationToken);
            var outcome = (await Task.Run(() => new ImportBatch(null, null, null, job.By).Run(lease.Store, () => registries, [path],
                (_, progress) => _jobs[id] = _jobs[id] with { Progress = progress }, cancellationToken), cancellationToken))[0];
            // The uploader knows the file by its name, not by where the server kept it.
            var json = (outcome with { File = job.File }).ToJson();
            lease.Store.Note(new RecordChange(clock.GetUtcNow(), job.By, "import", job.File, "import", null, JsonSerializer.Serialize(json, DyadJson.Options)));
            _jobs[id] = _jobs[id] with
            {
                State = outcome.Error is null ? ImportState.Done : ImportState.Failed,
                Progress = 1,
                Outcome = json,
                Error = outcome.Error?.Message.Replace(path, job.File, StringComparison.Ordinal),
            };
            attribution.Invalidate();
            answers.Forget();
            Imported(logger, job.File, job.By, outcome.Report?.Read ?? 0, outcome.Report?.Imported ?? 0, outcome.Report?.Rejected ?? 0, (clock.GetUtcNow() - job.Received).TotalSeconds);
        }
        catch (Exception e) when (e is DyadException || StoreErrors.AsDyad(e) is not null)
        {
            _jobs[id] = _jobs[id] with { State = ImportState.Failed, Error = (e as DyadException ?? StoreErrors.AsDyad(e))!.Message.Replace(path, job.File, StringComparison.Ordinal) };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import of {File} failed", job.File);
            _jobs[id] = _jobs[id] with { State = ImportState.Failed, Error = "The import failed; the server's log says why. Nothing of it was kept." };
        }
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Imported {File} for {By}: {Read} rows read, {Imported} imported, {Rejected} rejected, {Seconds:0.0} s after upload")]
    private static partial void Imported(ILogger logger, string file, string by, long read, long imported, long rejected, double seconds);
}
