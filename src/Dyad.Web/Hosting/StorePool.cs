using System.Collections.Concurrent;
using Dyad.Store;

namespace Dyad.Web.Hosting;

/// <summary>
/// The store connections the server's requests share, opened once when the server starts: a store is used by one
/// request at a time (its temporary tables and transactions are its connection's), and a request waits for a free one.
/// DuckDB's connections to one file in one process share the database, so every request sees every commit.
/// </summary>
public sealed class StorePool : IDisposable
{
    private readonly ConcurrentBag<IDyadStore> _idle = [];
    private readonly SemaphoreSlim _free;
    private readonly List<IDyadStore> _all = [];

    public StorePool(string db, int size, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        try
        {
            for (var i = 0; i < size; i++)
            {
                var store = EventStores.OpenOrCreate(db, clock);
                _all.Add(store);
                _idle.Add(store);
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        _free = new SemaphoreSlim(size, size);
        Name = db;
    }

    /// <summary>The store's address as the user gave it.</summary>
    public string Name { get; }

    /// <summary>A store for this request alone until the lease is disposed.</summary>
    public async ValueTask<Lease> Rent(CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        _idle.TryTake(out var store);
        return new Lease(this, store!);
    }

    public void Dispose()
    {
        foreach (var store in _all)
        {
            store.Dispose();
        }
    }

    /// <summary>One store, lent.</summary>
    public sealed class Lease(StorePool pool, IDyadStore store) : IDisposable
    {
        private bool _returned;

        public IDyadStore Store => store;

        public void Dispose()
        {
            if (!_returned)
            {
                _returned = true;
                pool._idle.Add(store);
                pool._free.Release();
            }
        }
    }
}
