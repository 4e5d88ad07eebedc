using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Dyad.Events;

namespace Dyad.Store.Sql;

/// <summary>
/// Reads an import's rows on a worker thread — parsing, mapping and compressing raw rows — while the caller's thread
/// appends the previous batch to DuckDB: on two cores the import takes about as long as the slower half, not the sum.
/// A bounded queue of batches keeps memory flat whatever the file's size. An exception on the reading side (a bad
/// workbook, a cancellation) comes out of <see cref="Batches"/> as itself.
/// </summary>
internal sealed class ImportPipeline : IDisposable
{
    private const int BatchSize = 2048;
    private const int BatchesInFlight = 4;

    private readonly BlockingCollection<Batch> _queue = new(BatchesInFlight);
    private readonly CancellationTokenSource _stop;
    private readonly Task _reader;
    private readonly MemoryStream _plainRows = new();
    private readonly MemoryStream _packedRows = new();
    private ExceptionDispatchInfo? _readFailure;

    public sealed record Batch(List<RowOutcome> Outcomes, List<RawRowBlocks.Block> RawRows);

    public ImportPipeline(IEnumerable<RowOutcome> rows, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reader = Task.Factory.StartNew(() => Read(rows, _stop.Token), TaskCreationOptions.LongRunning);
    }

    /// <summary>The batches in file order; rethrows what went wrong while reading, once every good batch is out.</summary>
    public IEnumerable<Batch> Batches()
    {
        foreach (var batch in _queue.GetConsumingEnumerable())
        {
            yield return batch;
        }

        _readFailure?.Throw();
    }

    private void Read(IEnumerable<RowOutcome> rows, CancellationToken cancellationToken)
    {
        try
        {
            var outcomes = new List<RowOutcome>(BatchSize);
            foreach (var outcome in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                outcomes.Add(outcome);
                if (outcomes.Count == BatchSize)
                {
                    _queue.Add(Pack(outcomes), cancellationToken);
                    outcomes = new List<RowOutcome>(BatchSize);
                }
            }

            if (outcomes.Count > 0)
            {
                _queue.Add(Pack(outcomes), cancellationToken);
            }
        }
        catch (Exception e)
        {
            _readFailure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _queue.CompleteAdding();
        }
    }

    private Batch Pack(List<RowOutcome> outcomes)
    {
        var raw = new List<(long, string)>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            if (outcome is MappedRow { Event.Provenance: { Raw: { } text } provenance })
            {
                raw.Add((provenance.Row, text));
            }
        }

        return new Batch(outcomes, RawRowBlocks.EncodeAll(raw, _plainRows, _packedRows));
    }

    public void Dispose()
    {
        // If the writing side stopped early (an error, or the caller gave up), the reader must not wait on a full queue.
        _stop.Cancel();
        while (_queue.TryTake(out _))
        {
        }

        _reader.Wait();
        _queue.Dispose();
        _stop.Dispose();
        _plainRows.Dispose();
        _packedRows.Dispose();
    }
}
