using System.Data.Common;

namespace Dyad.Store.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>The transaction <see cref="Atomically{T}"/> opened, which the store's writes join while it is open.</summary>
    private DbTransaction? _unit;

    /// <summary>Set by <see cref="PublishImports"/> inside a unit: this process's imports are settled once the unit commits.</summary>
    private bool _publishing;

    public T Atomically<T>(Func<T> work)
    {
        if (_unit is not null)
        {
            return work();
        }

        using var transaction = BeginTransaction();
        _unit = transaction;
        try
        {
            var result = work();
            transaction.Commit();
            if (_publishing)
            {
                EndImporting();
            }

            return result;
        }
        finally
        {
            _unit = null;
            _publishing = false;
        }
    }

    public void Atomically(Action work) => Atomically(() =>
    {
        work();
        return true;
    });

    public void PublishImports() => Atomically(() =>
    {
        Execute("DELETE FROM pending_imports");
        _publishing = true;
    });

    public void DiscardPendingImports()
    {
        RemoveUnfinishedImports();
        EndImporting();
    }

    /// <summary>A write's transaction: its own, or inside <see cref="Atomically{T}"/>, the unit's, committed with the rest.</summary>
    private protected WriteTransaction Write() => new(_unit is null ? BeginTransaction() : null);

    private protected readonly struct WriteTransaction(DbTransaction? own) : IDisposable
    {
        public void Commit() => own?.Commit();

        public void Dispose() => own?.Dispose();
    }
}
