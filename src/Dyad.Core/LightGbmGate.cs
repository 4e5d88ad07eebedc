namespace Dyad;

/// <summary>
/// Who may fit a LightGBM model at the same time in a process. LightGBM's native library sets OpenMP's thread count,
/// and sizes its per-thread buffers by it: it corrupted its memory (the process died with a segmentation fault) when a
/// forecast was fitted while the server fitted an attribution model with another thread count. ML.NET already lets
/// one booster train at a time; what else a fit does (reading and featurizing the rows, building LightGBM's dataset)
/// may overlap another fit's training when both run on one thread, which never changes the count under the other: a
/// walk-forward prepares its next training while the current one trains. A fit on more threads, or on LightGBM's
/// default, runs alone.
/// </summary>
public static class LightGbmGate
{
    private static readonly ReaderWriterLockSlim Gate = new(LockRecursionPolicy.NoRecursion);

    /// <summary>Holds the gate for one fit on <paramref name="threads"/> threads (null: LightGBM's default) until disposed.</summary>
    public static IDisposable Enter(int? threads)
    {
        if (threads == 1)
        {
            Gate.EnterReadLock();
            return new Held(Gate.ExitReadLock);
        }

        Gate.EnterWriteLock();
        return new Held(Gate.ExitWriteLock);
    }

    private sealed class Held(Action exit) : IDisposable
    {
        private int _exited;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _exited, 1) == 0)
            {
                exit();
            }
        }
    }
}
