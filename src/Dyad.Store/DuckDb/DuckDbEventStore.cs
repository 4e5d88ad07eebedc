using System.Data.Common;
using DuckDB.NET.Data;
using Dyad.Store.Migrations;
using Dyad.Store.Sql;

namespace Dyad.Store.DuckDb;

/// <summary>
/// The embedded event store: one DuckDB file, opened by one process at a time. Opening it brings its schema up to date;
/// only commands that write make a new file (a read command with a mistyped --db must not leave an empty store behind).
/// </summary>
public sealed partial class DuckDbEventStore : SqlEventStore
{
    /// <summary>DuckDB's memory limit while linking: 2,000,000 events against 200,000 link in under 2 GiB with it (bench linking).</summary>
    private const string LinkingMemoryLimit = "1GB";

    private readonly DuckDBConnection _connection;
    private readonly string _memoryLimit;

    /// <summary>This process's hold on the file, let go when the store is disposed.</summary>
    private StoreFileLock? _hold;

    private DuckDbEventStore(DuckDBConnection connection, string path, TimeProvider clock, string memoryLimit)
        : base(connection, path, clock)
    {
        _connection = connection;
        _memoryLimit = memoryLimit;
    }

    /// <summary>Opens the store at <paramref name="path"/>, making it first when <paramref name="create"/> says so.</summary>
    /// <param name="memoryLimit">
    /// DuckDB's memory limit; queries spill to disk beyond it. Defaults to 400MB, which keeps a whole import of
    /// 2,000,000 GTD rows under 1 GiB of process memory (bench/Dyad.Bench).
    /// </param>
    /// <param name="create">Make the store if there is no file at <paramref name="path"/>; false: refuse (BadInput).</param>
    /// <exception cref="DyadException">
    /// Conflict: another process has the store open, or a newer Dyad made it. BadInput: no store there (and not asked to
    /// make one), the file is not a DuckDB store, or this user may not read or write it or its folder.
    /// </exception>
    public static DuckDbEventStore Open(string path, TimeProvider? clock = null, string memoryLimit = "400MB", bool create = true)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw DyadException.BadUsage($"{path}: the folder {folder} does not exist.");
        }

        if (!create && !File.Exists(full))
        {
            throw DyadException.BadInput($"{path}: no store there; 'dyad import FILE --db {path}' makes one (or name the store you meant with --db).", path);
        }

        var hold = StoreFileLock.Take(full);
        DuckDBConnection? connection = null;
        var existed = false;
        try
        {
            // The first hold in this process reads the file's header, and locks a file that exists before DuckDB
            // touches it (a file DuckDB makes is locked once made).
            if (hold.First)
            {
                try
                {
                    RefuseOtherFiles(path, full);
                }
                catch (IOException e) when (File.Exists(full))
                {
                    // Reading the header meets the other process's lock before ours could.
                    throw StoreFileLock.Refused(path, e);
                }
            }

            existed = File.Exists(full);
            if (existed)
            {
                hold.Seal(path);
            }

            // Built, not formatted: a path with ';' or '=' in it is a path, never connection-string options.
            connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = full }.ConnectionString);
            connection.Open();
            if (!existed)
            {
                hold.Seal(path);
            }

            Execute(connection, $"SET memory_limit = '{memoryLimit}'; SET preserve_insertion_order = false;");
            SchemaMigrator.Migrate(connection, path, SchemaMigrator.DuckDb);
        }
        catch (DuckDBException e)
        {
            connection?.Dispose();
            hold.Dispose();
            throw e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase)
                ? new DyadException(DyadErrorKind.Conflict, $"{path}: the store is open in another Dyad process; wait for it to finish.", e)
                : IsDenied(e.Message)
                    ? Denied(path, full, e)
                    : DyadException.BadInput($"{path}: not a Dyad store that DuckDB can open: {FirstLine(e.Message)}", path, inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            connection?.Dispose();
            hold.Dispose();
            throw Denied(path, full, e);
        }
        catch
        {
            connection?.Dispose();
            hold.Dispose();
            throw;
        }

        var store = new DuckDbEventStore(connection, path, clock ?? TimeProvider.System, memoryLimit) { _hold = hold, _isNew = !existed };
        store.RemoveUnfinishedImports();
        return store;
    }

    private bool _isNew;
    private bool _discard;

    /// <summary>Whether this open made the file.</summary>
    public override bool IsNew => _isNew;

    /// <summary>Removes the file when the store is disposed, if this open made it: for a command that failed before it wrote anything of the user's.</summary>
    public override void DiscardIfNew() => _discard = _isNew;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (_discard)
            {
                // Removed while still held, so that no other process can have opened it in between.
                File.Delete(FullPath);
                File.Delete(FullPath + ".wal");
            }

            _hold?.Dispose();
        }
    }

    private string FullPath => System.IO.Path.GetFullPath(Name);

    private static bool IsDenied(string message) =>
        message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase) || message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase);

    /// <summary>A permission refused, named: the folder when the store is to be made, else the file.</summary>
    private static DyadException Denied(string path, string full, Exception inner) => File.Exists(full)
        ? DyadException.BadInput(
            $"{path}: permission denied: this user may not write the store file (or its folder), and Dyad writes to a store even to read it (its schema and recovery). Ask for write permission, or copy the file somewhere you may write.",
            path, inner: inner)
        : DyadException.BadInput(
            $"{path}: permission denied: this user may not make files in the folder {System.IO.Path.GetDirectoryName(full)}. Name a store in a folder you may write with --db.",
            path, inner: inner);

    /// <summary>
    /// A file that exists must be a DuckDB database ("DUCK" after its 8-byte checksum) before DuckDB opens it: a user's
    /// CSV or notes named by mistake with --db is refused before anything is written to it.
    /// </summary>
    private static void RefuseOtherFiles(string path, string full)
    {
        if (File.Exists(full) && new FileInfo(full).Length > 0 && !IsDuckDbFile(full))
        {
            throw DyadException.BadInput($"{path}: not a Dyad store (not a DuckDB database); nothing was written to it. Name a store with --db, or a new file to make one.", path);
        }
    }

    private static bool IsDuckDbFile(string full)
    {
        Span<byte> header = stackalloc byte[12];
        using var stream = File.OpenRead(full);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header[8..].SequenceEqual("DUCK"u8);
    }

    /// <summary>Refuses a store file another process has open (a server serving it), before anything replaces or removes it.</summary>
    /// <exception cref="DyadException">Conflict: another process holds it.</exception>
    public static void RefuseIfOpenElsewhere(string path)
    {
        using var hold = StoreFileLock.Take(System.IO.Path.GetFullPath(path));
        if (File.Exists(path))
        {
            hold.Seal(path);
        }
    }

    /// <summary>What the store at <paramref name="path"/> says made it (see <see cref="SqlEventStore.SetMadeBy"/>), read without changing it; null for a store that does not say, or a file that is no store.</summary>
    public static string? MadeBy(string path) => ReadOnlyScalar(path, "SELECT value FROM store_properties WHERE name = 'made_by'") as string;

    /// <summary>One value read from the store file at <paramref name="path"/> without changing it; null if DuckDB cannot read it so.</summary>
    private static object? ReadOnlyScalar(string path, string sql)
    {
        try
        {
            var builder = new DuckDBConnectionStringBuilder { DataSource = System.IO.Path.GetFullPath(path) };
            builder["access_mode"] = "READ_ONLY";
            using var connection = new DuckDBConnection(builder.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
        catch (DuckDBException)
        {
            return null;
        }
    }

    /// <summary><paramref name="store"/> as a DuckDB store, for what only DuckDB does (Parquet exports); else a clear refusal.</summary>
    public static DuckDbEventStore Required(IDyadStore store, string what) => store as DuckDbEventStore
        ?? throw DyadException.BadUsage($"{store.Name}: {what} works on a DuckDB store only; on PostgreSQL, 'dyad backup' (pg_dump) copies the whole store.");

    protected override DbParameter Parameter(string name, object? value) => new DuckDBParameter(name, value ?? DBNull.Value);

    private protected override BulkWriter Bulk(string table) => new DuckDbBulkWriter(_connection.CreateAppender(table));

    // The machine's cores are taken by the import pipeline's two threads; DuckDB's own workers would only contend with
    // them (measured: 10% slower and a quarter more memory with DuckDB on two threads).
    private protected override IDisposable? ImportSettings() => Setting("threads = 1", "RESET threads");

    // The candidate joins of millions of events need more than an import's memory limit, and spill beyond it.
    private protected override IDisposable? LinkingSettings() => Setting($"memory_limit = '{LinkingMemoryLimit}'", $"SET memory_limit = '{_memoryLimit}'");

    private protected override void Stream(DbCommand command) => ((DuckDBCommand)command).UseStreamingMode = true;

    private Restoring Setting(string set, string undo)
    {
        Execute(_connection, $"SET {set}");
        return new Restoring(() => Execute(_connection, undo));
    }

    private sealed class Restoring(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
