using DuckDB.NET.Data;

namespace Dyad.Store.DuckDb;

public sealed partial class DuckDbEventStore
{
    /// <summary>The transaction <see cref="Atomically{T}"/> opened, which the store's writes join while it is open.</summary>
    private DuckDBTransaction? _unit;

    public T Atomically<T>(Func<T> work)
    {
        if (_unit is not null)
        {
            return work();
        }

        using var transaction = _connection.BeginTransaction();
        _unit = transaction;
        try
        {
            var result = work();
            transaction.Commit();
            return result;
        }
        finally
        {
            _unit = null;
        }
    }

    public void Atomically(Action work) => Atomically(() =>
    {
        work();
        return true;
    });

    public void PublishImports() => Atomically(() => Execute(_connection, "DELETE FROM pending_imports"));

    public void DiscardPendingImports() => RemoveUnfinishedImports();

    /// <summary>A write's transaction: its own, or inside <see cref="Atomically{T}"/>, the unit's, committed with the rest.</summary>
    private WriteTransaction Write() => new(_unit is null ? _connection.BeginTransaction() : null);

    private readonly struct WriteTransaction(DuckDBTransaction? own) : IDisposable
    {
        public void Commit() => own?.Commit();

        public void Dispose() => own?.Dispose();
    }
}
