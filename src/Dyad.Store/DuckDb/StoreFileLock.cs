namespace Dyad.Store.DuckDb;

/// <summary>
/// Dyad's own hold on a DuckDB store file, so that two processes never write one file: a second Dyad (a command run
/// against the file a server has open) is refused at once instead of writing where the first cannot see it. DuckDB
/// locks its file itself, but that lock was seen not to hold between processes on some systems; an advisory lock taken
/// through .NET (flock on Linux and macOS) does. Within one process the hold is shared: a server's connections, and a
/// test that opens the store beside them, count on it together, and the lock goes with the last of them.
/// </summary>
internal sealed class StoreFileLock : IDisposable
{
    private static readonly Dictionary<string, (FileStream? Lock, int Holders)> Held = new(StringComparer.Ordinal);

    private readonly string _full;
    private bool _released;

    private StoreFileLock(string full, bool first)
    {
        _full = full;
        First = first;
    }

    /// <summary>Whether this process had no hold on the file before this one.</summary>
    public bool First { get; }

    /// <summary>Holds the file for this process (the lock itself is taken by <see cref="Seal"/> once the file exists).</summary>
    public static StoreFileLock Take(string full)
    {
        lock (Held)
        {
            var first = !Held.TryGetValue(full, out var held);
            Held[full] = (held.Lock, held.Holders + 1);
            return new StoreFileLock(full, first);
        }
    }

    /// <summary>Takes the lock on the file if this process does not have it yet.</summary>
    /// <exception cref="DyadException">Conflict: another process holds the store.</exception>
    public void Seal(string path)
    {
        // Windows' own sharing rules keep a second process out of a file DuckDB has open, and a lock of ours would keep DuckDB out.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        lock (Held)
        {
            var held = Held[_full];
            if (held.Lock is not null)
            {
                return;
            }

            try
            {
                Held[_full] = (new FileStream(_full, FileMode.Open, FileAccess.Read, FileShare.None), held.Holders);
            }
            catch (IOException e)
            {
                throw Refused(path, e);
            }
        }
    }

    /// <summary>The error when another process holds the store.</summary>
    public static DyadException Refused(string path, Exception inner) =>
        new(DyadErrorKind.Conflict, $"{path}: the store is open in another Dyad process (a server, or a command still running); wait for it to finish, or change it through the server.", inner);

    public void Dispose()
    {
        lock (Held)
        {
            if (_released)
            {
                return;
            }

            _released = true;
            var held = Held[_full];
            if (held.Holders > 1)
            {
                Held[_full] = (held.Lock, held.Holders - 1);
                return;
            }

            held.Lock?.Dispose();
            Held.Remove(_full);
        }
    }
}
